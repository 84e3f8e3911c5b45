"""Cached queries, one module per subject. Every function takes the database version first, so a
new build never mixes with cached results of the old one."""
