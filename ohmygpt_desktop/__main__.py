"""``python -m ohmygpt_desktop``."""

import sys

from ohmygpt_desktop.app import main

sys.exit(main())
