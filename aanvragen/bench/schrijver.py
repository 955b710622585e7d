"""Writing generated rows with PostgreSQL COPY (psycopg 3), ids reserved in blocks up front.

A `Tabel` names the columns a generator function fills. Every other column of the model gets its
default (the model's `default`, NULL when nullable, "" for an optional text), so a field another
engineer adds later does not break the generator — unless it is required and has no default: then
`Tabel` refuses with a Dutch message that says which field the generator must learn to fill.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import connection, models
from django.utils import timezone
from psycopg import sql
from psycopg.types.json import Jsonb


class OnbekendVeld(Exception):
    """A required field the generator does not fill; the message names it."""


def json_waarde(waarde):
    """A value for a JSONField column in COPY (psycopg does not adapt a dict or list by itself)."""
    return Jsonb(waarde)


def _standaardwaarde(veld: models.Field, nu):
    if veld.has_default():
        waarde = veld.get_default()
        return json_waarde(waarde) if isinstance(veld, models.JSONField) else waarde
    if getattr(veld, "auto_now", False) or getattr(veld, "auto_now_add", False):
        return nu
    if veld.null:
        return None
    if veld.blank and isinstance(veld, (models.CharField, models.TextField, models.FileField)):
        return ""
    raise OnbekendVeld(
        f"Het veld {veld.model._meta.label}.{veld.name} is verplicht en heeft geen standaardwaarde; "
        "leer aanvragen/bench/generator.py het vullen."
    )


#: Every model a Tabel wrote to in this process: bulkmodus checks their foreign keys afterwards.
GESCHREVEN: set[type[models.Model]] = set()


class Tabel:
    """COPY rows of `model`: each row is a tuple in the order of `kolommen` (attnames, e.g. "gemeente_id")."""

    def __init__(self, model: type[models.Model], kolommen: Iterable[str]):
        self.model = model
        self.kolommen = tuple(kolommen)
        velden = {v.attname: v for v in model._meta.concrete_fields}
        onbekend = [k for k in self.kolommen if k not in velden]
        if onbekend:
            raise OnbekendVeld(f"{model._meta.label} heeft geen veld(en) {', '.join(onbekend)}")
        nu = timezone.now()
        rest = [v for naam, v in velden.items() if naam not in self.kolommen and not v.primary_key]
        # A database default (db_default) is left to PostgreSQL: such columns are not copied.
        rest = [v for v in rest if getattr(v, "db_default", models.NOT_PROVIDED) is models.NOT_PROVIDED]
        self.aanvulling = tuple(_standaardwaarde(v, nu) for v in rest)
        namen = [velden[k].column for k in self.kolommen] + [v.column for v in rest]
        self._copy_sql = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(model._meta.db_table), sql.SQL(", ").join(map(sql.Identifier, namen))
        )

    def schrijf(self, rijen: Iterable[tuple]) -> int:
        """COPY the rows in the current transaction; returns how many were written."""
        GESCHREVEN.add(self.model)
        aanvulling, aantal = self.aanvulling, 0
        with connection.cursor() as cursor, cursor.copy(self._copy_sql) as copy:
            schrijf_rij = copy.write_row
            for rij in rijen:
                schrijf_rij(rij + aanvulling if aanvulling else rij)
                aantal += 1
        return aantal


def reserveer_ids(model: type[models.Model], aantal: int) -> int:
    """Reserve `aantal` consecutive primary keys; returns the first. Later inserts get ids after them."""
    tabel = model._meta.db_table
    pk = model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [tabel, pk])
        reeks = cursor.fetchone()[0]
        cursor.execute(
            sql.SQL(
                "SELECT GREATEST((SELECT COALESCE(MAX({pk}), 0) FROM {tabel}),"
                " (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {reeks}))"
            ).format(pk=sql.Identifier(pk), tabel=sql.Identifier(tabel), reeks=sql.SQL(reeks)),
        )
        laatste = cursor.fetchone()[0]
        if aantal:
            cursor.execute("SELECT setval(%s, %s)", [reeks, laatste + aantal])
    return laatste + 1


def _secundaire_indexen(cursor, tabellen: list[str]) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the plain indexes on `tabellen`; unique and constraint
    indexes stay, so they keep checking the rows as they are written."""
    cursor.execute(
        """SELECT i.relname, pg_get_indexdef(i.oid)
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
           WHERE t.relname = ANY(%s) AND t.relnamespace = 'public'::regnamespace
             AND NOT x.indisprimary AND NOT x.indisunique
             AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
           ORDER BY i.relname""",
        [tabellen],
    )
    return cursor.fetchall()


def wezen(modellen: Iterable[type[models.Model]]) -> list[str]:
    """Foreign keys of `modellen` that point to a missing row, checked set-based (one anti-join each)."""
    fouten = []
    with connection.cursor() as cursor:
        for model in modellen:
            for veld in model._meta.concrete_fields:
                if not (veld.is_relation and veld.db_constraint):
                    continue
                doel = veld.related_model
                cursor.execute(sql.SQL(
                    "SELECT count(*) FROM {t} c WHERE c.{k} IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM {d} p WHERE p.{dk} = c.{k})"
                ).format(t=sql.Identifier(model._meta.db_table), k=sql.Identifier(veld.column),
                         d=sql.Identifier(doel._meta.db_table), dk=sql.Identifier(veld.target_field.column)))
                aantal = cursor.fetchone()[0]
                if aantal:
                    fouten.append(f"{model._meta.label}.{veld.name}: {aantal} verwijzingen naar niets")
    return fouten


@contextmanager
def bulkmodus(grote_modellen: list[type[models.Model]]) -> Iterator[None]:
    """Fast loading inside the caller's transaction, as PostgreSQL's manual advises for bulk loads.

    - Foreign-key triggers off (session_replication_role = replica, for a superuser) and all
      written foreign keys checked set-based at the end instead of one lookup per row; without
      superuser rights the checks run immediately per row (still correct, slower).
    - The plain secondary indexes of `grote_modellen` dropped and rebuilt at the end (a sorted
      build is far cheaper than millions of single inserts). All of it is transactional: if the
      load fails, the rollback brings the indexes back.
    """
    tabellen = [m._meta.db_table for m in grote_modellen]
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        superuser = cursor.fetchone()[0]
        cursor.execute("SET LOCAL session_replication_role = replica" if superuser else "SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SET LOCAL synchronous_commit = off")
        cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
        indexen = _secundaire_indexen(cursor, tabellen)
        for naam, _ in indexen:
            cursor.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(naam)))
    GESCHREVEN.clear()
    yield
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = origin" if superuser else "SET CONSTRAINTS ALL DEFERRED")
        for _, definitie in indexen:
            cursor.execute(definitie)
    fouten = wezen(GESCHREVEN) if superuser else []
    if fouten:
        raise RuntimeError("De gegenereerde gegevens verwijzen naar rijen die niet bestaan: " + "; ".join(fouten))
