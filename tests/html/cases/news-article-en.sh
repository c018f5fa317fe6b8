#!/bin/sh
# news-fmt -o html --standalone of an English article: the typography's
# quotation marks and dates in English, the aside headed "Related".
news-fmt -o html --standalone <<'ART'
---
title: "New footbridge over the Aue: work starts in October"
kicker: Transport
date: 2026-09-14
updated: 2026-09-15
author: Jonas Weber
lead: >
  (14 September) The city is building a new bridge for pedestrians and
  cyclists between the old town and Aue Park - the old one has been closed
  since the spring.
image: aue-bridge-2026.jpg
caption: The old bridge at Aue Park
alt: A closed wooden bridge over a river
credit: City of Neustadt / Jonas Weber
tags: [Transport, Building]
related:
  - Road works in the old town <https://www.neustadt.example/en/roadworks?area=old-town&year=2026>
lang: en
---

## The plan

Work starts in October and takes about 10-12 months. Until then a
diversion runs along Weberstraße (about 5 km)... See the *timetable*
at <https://www.neustadt.example/en/footbridge>.

> "I'm glad it's finally happening," says the head of planning. "For many
> people the bridge is the shortest way to work."
> — Peter Schäfer

1. Old bridge closed since 3 March
2. Work starts on 1 October
3. Opening in autumn 2027
ART
