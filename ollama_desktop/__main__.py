"""`python -m ollama_desktop` starts the app."""

import sys

from ollama_desktop.startup import main

sys.exit(main())
