import sys

from thucydides.cli.main import main

sys.exit(main())
