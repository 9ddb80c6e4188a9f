"""Makes keys with the real djangorestframework-api-key, for the Swift interop tests.

usage: python make_drf_fixture.py OUT_DIR

Run with a Python that has Tests/Interop/requirements.txt installed (scripts/test.sh does this in
a throwaway virtualenv). Writes OUT_DIR/drf.sqlite3 (a migrated Django database) and
OUT_DIR/manifest.json:

  {"database": "<abs path>",
   "tables": {"<table>": [{"key", "prefix", "expect": "valid|revoked|expired",
                           "hasher": "sha512|pbkdf2", "user_id"?: int, "email"?: str}, ...]}}

Every key is created through the library's own manager, and what the manifest expects of each
key is first confirmed with the library's own `is_valid`. Nothing is written inside the repository:
the custom model's migration is generated into OUT_DIR.
"""
import datetime
import json
import os
import sys

sys.dont_write_bytecode = True

HERE = os.path.dirname(os.path.abspath(__file__))


def configure(out_dir: str, database: str) -> None:
    import django
    from django.conf import settings

    migrations = os.path.join(out_dir, "interop_migrations")
    os.makedirs(migrations, exist_ok=True)
    open(os.path.join(migrations, "__init__.py"), "w").close()
    sys.path[:0] = [HERE, out_dir]
    settings.configure(
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework_api_key", "interopapp"],
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": database}},
        MIGRATION_MODULES={"interopapp": "interop_migrations"},
        USE_TZ=True,
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        SECRET_KEY="interop-fixture-only",
    )
    django.setup()


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out_dir = os.path.abspath(sys.argv[1])
    os.makedirs(out_dir, exist_ok=True)
    database = os.path.join(out_dir, "drf.sqlite3")
    if os.path.exists(database):
        os.remove(database)
    configure(out_dir, database)

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.core.management import call_command
    from django.utils import timezone
    from rest_framework_api_key.crypto import KeyGenerator
    from rest_framework_api_key.models import APIKey

    from interopapp.models import UserAPIKey

    call_command("makemigrations", "interopapp", verbosity=0)
    call_command("migrate", verbosity=0)

    class PBKDF2KeyGenerator(KeyGenerator):
        """2.x behaviour: keys hashed with Django's password hasher."""
        preferred_hasher = PBKDF2PasswordHasher()

        def using_preferred_hasher(self, hashed_key: str) -> bool:
            return hashed_key.startswith("pbkdf2_sha256$")

    now = timezone.now()
    day = datetime.timedelta(days=1)
    tables = {APIKey._meta.db_table: [], UserAPIKey._meta.db_table: []}

    def add(model, key: str, expect: str, hasher: str, **extra) -> None:
        prefix = key.partition(".")[0]
        assert model.objects.is_valid(key) == (expect == "valid"), f"{prefix}: Django disagrees that it is {expect}"
        tables[model._meta.db_table].append({"key": key, "prefix": prefix, "expect": expect, "hasher": hasher, **extra})

    for name, expiry in [("valid one", None), ("valid two", None), ("expires tomorrow", now + day)]:
        add(APIKey, APIKey.objects.create_key(name=name, expiry_date=expiry)[1], "valid", "sha512")
    add(APIKey, APIKey.objects.create_key(name="revoked", revoked=True)[1], "revoked", "sha512")
    add(APIKey, APIKey.objects.create_key(name="expired yesterday", expiry_date=now - day)[1], "expired", "sha512")

    # A 2.x-style key. It is checked while the PBKDF2 generator is in place, because the default
    # generator would rewrite its hash to SHA-512 on a successful check.
    default_generator = APIKey.objects.key_generator
    APIKey.objects.key_generator = PBKDF2KeyGenerator()
    try:
        add(APIKey, APIKey.objects.create_key(name="pbkdf2 (2.x)")[1], "valid", "pbkdf2")
    finally:
        APIKey.objects.key_generator = default_generator
    pbkdf2_prefix = tables[APIKey._meta.db_table][-1]["prefix"]
    assert APIKey.objects.get(prefix=pbkdf2_prefix).hashed_key.startswith("pbkdf2_sha256$")

    alice = get_user_model().objects.create_user(username="alice", email="alice@example.com", password="not-used-here")
    for name, revoked in [("alice laptop", False), ("alice ci", False), ("alice old", True)]:
        key = UserAPIKey.objects.create_key(name=name, user=alice, revoked=revoked)[1]
        add(UserAPIKey, key, "revoked" if revoked else "valid", "sha512", user_id=alice.pk, email=alice.email)
    carol = get_user_model().objects.create_user(username="carol", email="carol@example.com", password="not-used-here")
    key = UserAPIKey.objects.create_key(name="carol laptop", user=carol)[1]
    add(UserAPIKey, key, "valid", "sha512", user_id=carol.pk, email=carol.email)

    with open(os.path.join(out_dir, "manifest.json"), "w") as manifest:
        json.dump({"database": database, "tables": tables}, manifest, indent=2)
    counts = ", ".join(f"{table}: {len(keys)}" for table, keys in tables.items())
    print(f"djangorestframework-api-key fixture in {out_dir} ({counts})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
