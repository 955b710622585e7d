#!/usr/bin/env python
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    if len(sys.argv) > 1 and sys.argv[1] in {"makemigrations", "showmigrations", "sqlmigrate"}:
        # These only read the models; they may run without the production SECRET_KEY.
        os.environ.setdefault("JCL_INSECURE_DEFAULTS", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
