"""The layout holds: every module outside ``adapter/`` and ``plugin.py`` imports without MkDocs."""

import json
import subprocess
import sys
import textwrap

PLAIN = ("model", "core", "features", "html", "i18n")

IMPORT_ALL = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys
    import mkdocs_aicommentary

    imported = []
    for sub in sys.argv[1:]:
        package = importlib.import_module(f"mkdocs_aicommentary.{sub}")
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
            imported.append(module.name)
    print(json.dumps({
        "imported": imported,
        "mkdocs": sorted(name for name in sys.modules if name.split(".")[0] == "mkdocs"),
    }))
    """
)


def test_the_plain_sub_packages_never_import_mkdocs():
    run = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *PLAIN], capture_output=True, text=True, check=True
    )
    result = json.loads(run.stdout)
    assert "mkdocs_aicommentary.core.publication" in result["imported"]
    assert "mkdocs_aicommentary.html.render" in result["imported"]
    assert result["mkdocs"] == []
