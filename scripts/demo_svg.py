"""Re-draw docs/demo.svg, the README's picture: the output of `saydo demo`, recorded by rich."""

import re
import tempfile
from pathlib import Path

from rich.console import Console

import saydo.serve.cli.options as options
import saydo.serve.cli.render  # noqa: F401
from saydo.serve.cli import main

recording = Console(record=True, width=140, highlight=False)
options.console = recording
for module in ("run", "checks"):
    __import__(f"saydo.serve.cli.{module}", fromlist=["x"]).console = recording
with tempfile.TemporaryDirectory() as tmp:
    try:
        main(["demo", "--out", str(Path(tmp) / "saydo-demo")])
    except SystemExit:
        pass
text = recording.export_text(clear=False)
target = Path(__file__).resolve().parents[1] / "docs" / "demo.svg"
recording.save_svg(str(target), title="make demo")
# keep the picture self-contained: local fonts or monospace, no web fonts
svg = re.sub(r',\s*url\("https?://[^"]+"\) format\("[a-z0-9]+"\)', "", target.read_text(encoding="utf-8"))
target.write_text(svg, encoding="utf-8")
print(text)
