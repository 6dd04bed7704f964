"""Imports every feature's command module so its commands register on the `portal` group."""
