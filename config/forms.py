"""Form rendering with NL Design System (Utrecht) markup for every form in the app.

settings.FORM_RENDERER = "config.forms.UtrechtFormRenderer" makes `{{ form }}` and
`{{ form.field.as_field_group }}` use templates/forms/div.html and templates/forms/field.html,
and makes widgets use the overrides in templates/django/forms/widgets/ (project templates come
before the "django.forms" app's, since TemplatesSetting renders with settings.TEMPLATES).

Invalid state needs no opt-in: Django 5.2 puts aria-invalid="true" and
aria-describedby="<id>_helptext <id>_error" on the widget of every field with errors, and the
widget templates turn aria-invalid into the Utrecht modifier (utrecht-textbox--invalid,
utrecht-textarea--invalid, utrecht-select--invalid, utrecht-checkbox--invalid,
utrecht-radio-button--invalid). The typed value is kept by Django's widgets as usual
(except passwords, by design).

UtrechtFormMixin is only for widgets whose template is not ours (a third-party widget with its own
template, or a hand-written <input> that reads widget.attrs): it writes the same aria-invalid and
Utrecht invalid class into widget.attrs after validation.

    class AanvraagForm(UtrechtFormMixin, forms.ModelForm):
        ...
"""

from django.forms.renderers import TemplatesSetting
from django.forms.widgets import (
    CheckboxInput,
    CheckboxSelectMultiple,
    FileInput,
    HiddenInput,
    Input,
    RadioSelect,
    Select,
    Textarea,
)


class UtrechtFormRenderer(TemplatesSetting):
    """TemplatesSetting with the app's Utrecht form and field templates."""

    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"

    def render(self, template_name, context, request=None):
        # The form template lists the fields with errors in its error summary; a template cannot
        # filter a list, so hand it the filtered list.
        if "form" in context and "fields" in context and "invalid_fields" not in context:
            context = {
                **context,
                "invalid_fields": [bf for bf, _errors in context["fields"] if bf.errors],
            }
        return super().render(template_name, context, request=request)


def utrecht_invalid_class(widget) -> str:
    """The Utrecht modifier class that marks `widget` invalid ("" when there is none)."""
    # Order matters: CheckboxSelectMultiple is a RadioSelect, both are Selects, and CheckboxInput
    # is an Input.
    if isinstance(widget, (CheckboxSelectMultiple, CheckboxInput)):
        return "utrecht-checkbox--invalid"
    if isinstance(widget, RadioSelect):
        return "utrecht-radio-button--invalid"
    if isinstance(widget, Select):
        return "utrecht-select--invalid"
    if isinstance(widget, Textarea):
        return "utrecht-textarea--invalid"
    if isinstance(widget, (FileInput, HiddenInput)):
        return ""
    if isinstance(widget, Input):
        return "utrecht-textbox--invalid"
    return ""


class UtrechtFormMixin:
    """Mark the widgets of invalid fields in widget.attrs, for widget templates that are not ours.

    Runs right after validation (full_clean), so it works however the errors came about
    (is_valid(), .errors, add_error() in clean()). Doing it in __init__ would validate eagerly,
    before a view has had the chance to adjust the form (querysets, initial data).
    The form's fields are deep copies, so this never leaks into other form instances.
    """

    def full_clean(self):
        super().full_clean()
        self.mark_invalid_widgets()

    def add_error(self, field, error):
        super().add_error(field, error)
        if getattr(self, "cleaned_data", None) is not None:
            self.mark_invalid_widgets()

    def mark_invalid_widgets(self):
        for name, field in self.fields.items():
            widget = field.widget
            if name not in self.errors or widget.is_hidden:
                continue
            widget.attrs["aria-invalid"] = "true"
            invalid_class = utrecht_invalid_class(widget)
            classes = widget.attrs.get("class", "").split()
            if invalid_class and invalid_class not in classes:
                widget.attrs["class"] = " ".join([*classes, invalid_class])
