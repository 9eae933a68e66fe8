"""Overrides the contrib hook, which collects every phonenumbers submodule (45 MB of geocoder data).

relj only parses and formats numbers: it needs the per-region metadata that phonenumbers
imports by name at run time, and none of the geocoder, carrier or time-zone data.
"""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("phonenumbers.data") + collect_submodules("phonenumbers.shortdata")
