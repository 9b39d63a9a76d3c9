# Fills an `ess-eval template` skeleton mechanically: every `~` gets a value its comment
# allows (the first level listed, yes or oui, the lower bound of a number). The result must
# validate.
s/^dossier: ~/dossier: T-001/
s/^title: ~/title: Dossier d'essai/
s/^applicant: ~/applicant: Association d'essai/
s/^\(  [a-z0-9][a-z0-9_-]*\): ~ /\1: 1000 /
s/^  - assessor: ~/  - assessor: A. Essai/
s/^    date: ~/    date: 2026-01-15/
s/level: ~  # \([^ ]*\) .*/level: \1/
s/value: ~  # yes | no.*/value: yes/
s/value: ~  # oui | non.*/value: oui/
s/value: ~  # [a-z]* \([-0-9.e+]*\) … .*/value: \1/
s/value: ~  # [a-z]* ≥ \([-0-9.e+]*\).*/value: \1/
s/value: ~  # [a-z]* ≤ \([-0-9.e+]*\).*/value: \1/
s/value: ~  # [a-z]*$/value: 0/
s/evidence: ~/evidence: "PV d'AG"/
