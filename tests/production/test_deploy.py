"""The example deployment files in deploy/ are valid: gunicorn loads its config and the app,
the systemd units have what systemd needs, and nginx accepts the site (``nginx -t``)."""

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"


def test_it_loads_the_gunicorn_config_and_the_app(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "majlis.settings", "MAJLIS_DATA_DIR": str(tmp_path),
           "MAJLIS_SECRET_KEY": "deploy-test", "MAJLIS_WORKERS": "3", "MAJLIS_THREADS": "2"}
    result = subprocess.run([str(Path(sys.executable).parent / "gunicorn"), "-c", str(DEPLOY / "gunicorn.conf.py"),
                             "--print-config"], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path)

    assert result.returncode == 0, result.stderr[-2000:]
    settings = dict(re.findall(r"^(\w+)\s+= (.*)$", result.stdout, re.M))
    assert (settings["workers"], settings["threads"], settings["worker_class"]) == ("3", "2", "gthread")
    assert settings["preload_app"] == "True" and settings["wsgi_app"] == "majlis.wsgi:application"


@pytest.mark.parametrize("unit, command", [
    ("majlis-web.service", "gunicorn -c /srv/majlis/deploy/gunicorn.conf.py"),
    ("majlis-worker.service", "majlis worker"),
])
def test_it_ships_systemd_units_that_read_the_env_file(unit, command):
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(DEPLOY / unit)

    assert {"Unit", "Service", "Install"} <= set(parser.sections())
    assert command in parser["Service"]["ExecStart"]
    assert parser["Service"]["EnvironmentFile"] == "/etc/majlis/majlis.env"
    assert parser["Service"]["User"] == "majlis" and parser["Install"]["WantedBy"] == "multi-user.target"


def test_it_documents_every_variable_the_env_example_sets():
    doc = (ROOT / "docs" / "configuration.md").read_text() + (ROOT / "docs" / "deploy.md").read_text()
    names = re.findall(r"^([A-Z_]+)=", (DEPLOY / "majlis.env.example").read_text(), re.M)

    assert names and [n for n in names if f"`{n}`" not in doc] == []


def nginx_binary() -> str | None:
    return os.environ.get("MAJLIS_TEST_NGINX") or shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


def test_it_ships_an_nginx_site_that_nginx_accepts(tmp_path):
    site = (DEPLOY / "nginx-majlis.conf").read_text()
    assert site.count("{") == site.count("}")
    assert "proxy_cache_revalidate on" in site and "location = /metrics" in site
    nginx = nginx_binary()
    if nginx is None:  # CI without nginx: the structure above is what can be checked
        return
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=test",
                    "-keyout", str(tmp_path / "key.pem"), "-out", str(tmp_path / "cert.pem")],
                   check=True, capture_output=True, timeout=60)
    site = re.sub(r"ssl_certificate\s+(\S+);", f"ssl_certificate {tmp_path}/cert.pem;", site)
    site = re.sub(r"ssl_certificate_key\s+(\S+);", f"ssl_certificate_key {tmp_path}/key.pem;", site)
    site = site.replace("/var/cache/nginx/majlis", str(tmp_path / "cache"))
    (tmp_path / "site.conf").write_text(site)
    temp_paths = "".join(f" {kind}_temp_path {tmp_path}/{kind};\n"
                         for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log stderr;\nevents {{}}\n"
        f"http {{\n access_log off;\n{temp_paths} include {tmp_path}/site.conf;\n}}\n")

    result = subprocess.run([nginx, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
                            capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "NGINX"})  # nginx reads $NGINX itself

    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
