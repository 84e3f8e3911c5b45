"""The themes' names, marked for the interface catalog so that readers of Khmer see them translated.

These are UPR Info's issue labels as data/themes.csv holds them (the 2015 database's vocabulary, facts
rather than texts). The catalog translates them like any interface word (drafts marked for review by a
native speaker); dashboard/names.py shows a theme through the catalog, so a theme that is not listed
here (an imported vocabulary) is shown as the data names it. Add a name here when themes.csv gains one.
"""

from __future__ import annotations

from dashboard.i18n import N_

THEMES = (
    N_("Asylum-seekers - refugees"),
    N_("CP rights - general"),
    N_("Civil society"),
    N_("Corruption"),
    N_("Counter-terrorism"),
    N_("Death penalty"),
    N_("Detention"),
    N_("Development"),
    N_("Disabilities"),
    N_("ESC rights - general"),
    N_("Elections"),
    N_("Enforced disappearances"),
    N_("Environment"),
    N_("Extrajudicial executions"),
    N_("Freedom of association and peaceful assembly"),
    N_("Freedom of movement"),
    N_("Freedom of opinion and expression"),
    N_("Freedom of religion and belief"),
    N_("Freedom of the press"),
    N_("General"),
    N_("HIV - Aids"),
    N_("Human rights defenders"),
    N_("Human rights education and training"),
    N_("Human rights violations by state agents"),
    N_("Impunity"),
    N_("Indigenous peoples"),
    N_("Internally displaced persons"),
    N_("International humanitarian law"),
    N_("International instruments"),
    N_("Justice"),
    N_("Labour"),
    N_("Migrants"),
    N_("Minorities"),
    N_("NHRI"),
    N_("National plan of action"),
    N_("Other"),
    N_("Poverty"),
    N_("Public security"),
    N_("Racial discrimination"),
    N_("Right to education"),
    N_("Right to food"),
    N_("Right to health"),
    N_("Right to housing"),
    N_("Right to land"),
    N_("Right to water"),
    N_("Rights of the Child"),
    N_("Sexual Orientation and Gender Identity"),
    N_("Special procedures"),
    N_("Technical assistance and cooperation"),
    N_("Torture and other CID treatment"),
    N_("Trafficking"),
    N_("Treaty bodies"),
    N_("UPR process"),
    N_("Women's rights"),
)
