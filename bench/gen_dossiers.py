#!/usr/bin/env python3
"""Seeded generator of realistic synthetic dossiers for the built-in grid.

    bench/gen_dossiers.py --count 10000 --out /tmp/corpus [--seed 1]

Writes COUNT files OUT/B000001.yaml ... for criteria/ess-citoyennete-economique.yaml: 2 or 3
assessments (analysts, a partner, sometimes the applicant's self-assessment), French evidence
and comments, facts, sometimes a committee consensus, 4 to 6 KB each. Every file is a valid
dossier; a few are incomplete (a fact left out) or ineligible (no democratic governance), as
in a real call. The same seed gives the same bytes. Standard library only.
"""

import argparse
import os
import random

GRID = "ess-citoyennete-economique"


def grid_version():
    """The shipped grid's version, read from its file: half the dossiers pin it."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "criteria", GRID + ".yaml")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("version:"):
                return line.split(":", 1)[1].strip()
    raise SystemExit(f"no version in {path}")


VERSION = grid_version()

STRUCTURES = ["Association", "SCIC", "SCOP", "Coopérative", "Collectif", "Régie de quartier",
              "Fondation", "Entreprise d'insertion", "Groupement d'employeurs", "Mutuelle"]
ACTIVITIES = [
    ("épicerie solidaire", "alimentation durable"), ("ressourcerie", "réemploi"),
    ("atelier vélo participatif", "mobilité"), ("centrale villageoise", "énergie citoyenne"),
    ("tiers-lieu culturel", "culture et tiers-lieux"), ("jardin d'insertion", "alimentation durable"),
    ("habitat participatif", "habitat"), ("garage solidaire", "mobilité"),
    ("légumerie", "alimentation durable"), ("plateforme de rénovation", "rénovation énergétique"),
    ("conciergerie de quartier", "services de proximité"), ("café associatif", "culture et tiers-lieux"),
    ("recyclerie du bâtiment", "réemploi"), ("crèche parentale", "petite enfance"),
    ("chantier d'insertion forestier", "environnement"), ("AMAP", "alimentation durable"),
]
PLACES = ["du Plateau", "des Monts", "de la Vallée", "du Bourg", "des Deux Rives", "du Pays Vert",
          "de la Combade", "des Ardoises", "du Vieux Moulin", "de l'Étang", "des Forges",
          "de la Gare", "du Marché couvert", "des Châtaigniers", "de la Source"]
TERRITORIES = ["Haute-Vienne", "Creuse", "Corrèze", "Dordogne", "Charente", "Vienne",
               "Deux-Sèvres", "Gironde"]
CALLS = ["aap-2026-alimentation", "aap-2026-transition", "aap-2026-cohesion", "aap-2026-emploi"]
ANALYSTS = ["A. Martin", "C. Dubois", "S. Lefèvre", "M. Bernard", "J. Moreau", "L. Garnier",
            "N. Petit", "P. Roux", "H. Fournier", "Y. Girard"]
PARTNERS = ["Réseau des ressourceries", "France Active Limousin", "CRESS Nouvelle-Aquitaine",
            "Département — service ESS", "Fondation de France — comité local"]

EVIDENCE = {
    "gouvernance-democratique": [
        "Statuts (art. {n} : une personne, une voix) ; PV d'AG du {date}",
        "Statuts de SCIC, collèges et droits de vote ; PV de la dernière AG ({date})",
        "Règlement intérieur et PV d'AG {year} signés par le président et le secrétaire",
    ],
    "transparence": [
        "Comptes {year} approuvés en AG et publiés sur le site ; rapport d'activité joint",
        "Rapport financier, bilan et compte de résultat {year} ; annexe avec bénévolat valorisé",
        "Comptes transmis aux membres avant l'AG ; publication au Journal officiel",
    ],
    "suivi-decisions": [
        "Tableau de suivi des décisions du CA, repris en ouverture de chaque réunion",
        "Rapport d'orientation {year} confronté aux réalisations lors de l'AG du {date}",
        "Relevé de décisions tenu par le bureau, diffusé aux administrateurs",
    ],
    "participation": [
        "Collège « usagers » au CA ({n} sièges) ; registre des bénévoles {year}",
        "PV d'AG avec feuille d'émargement ; commissions ouvertes aux adhérents",
        "Comptes rendus de {n} groupes de travail associant salariés et bénévoles",
    ],
    "participation-ag": [
        "Feuille d'émargement AG {year} : {present} présents ou représentés / {members} adhérents",
        "PV d'AG du {date} : {present} votants sur {members} membres à jour de cotisation",
    ],
    "partenariats": [
        "Conventions avec le CCAS, la mission locale et {n} entreprises du territoire",
        "Bilan conjoint annuel avec la communauté de communes ; local mutualisé",
        "Lettres de soutien et convention pluriannuelle avec la Région",
    ],
    "debat": [
        "Commission « prix » ouverte aux usagers, {n} réunions en {year}, comptes rendus fournis",
        "Réunion publique annuelle sur les investissements ; ciné-débat avec les habitants",
        "Débats d'orientation en AG ; forum ouvert sur le projet de déménagement",
    ],
    "connaissances": [
        "Diagnostic de territoire réalisé avec le centre social ({year})",
        "Fiche d'expérience publiée par la CRESS ; outils partagés sous licence libre",
        "Rapport d'évaluation d'utilité sociale conduit avec un cabinet et les usagers",
    ],
    "impacts": [
        "Indicateurs {year0}-{year} : {n} emplois, sorties positives, tonnes détournées",
        "Rapport d'activité pluriannuel ; attestations de la commune et du CCAS",
        "Évaluation d'utilité sociale avec les parties prenantes (guide Avise)",
    ],
}
COMMENTS = [
    "Dossier solide, pièces complètes et cohérentes entre elles.",
    "Les pièces fournies sont anciennes : à actualiser avant le comité.",
    "La structure progresse nettement depuis la précédente demande.",
    "Point à vérifier lors de la visite sur site prévue en avril.",
    "Le porteur a répondu rapidement aux demandes de compléments.",
    "La participation des usagers reste surtout consultative, sans pouvoir de décision.",
    "Démarche exemplaire, à faire connaître aux autres structures du réseau.",
    "Les chiffres déclarés concordent avec les comptes certifiés.",
    "Les débats existent mais leurs suites ne sont pas documentées.",
    "Partenariat récent, encore peu formalisé ; à suivre l'an prochain.",
]
NA_REASONS = ["Structure créée en 2026 : première AG prévue en juin",
              "Moins d'un exercice d'activité : premier bilan attendu fin 2026"]

LEAVES = ["gouvernance-democratique", "transparence", "suivi-decisions", "participation",
          "participation-ag", "partenariats", "debat", "connaissances", "impacts"]
LEVEL_LABELS = ["Absent", "Émergent", "Établi", "Exemplaire"]
EVIDENCE_REQUIRED = {"gouvernance-democratique", "transparence", "participation",
                     "participation-ag"}


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def fill(rng, template):
    year = rng.choice([2024, 2025])
    return template.format(n=rng.randint(2, 12), date=f"{year}-{rng.randint(1, 12):02d}-"
                           f"{rng.randint(1, 28):02d}", year=year, year0=year - 2,
                           present=rng.randint(20, 80), members=rng.randint(80, 200))


def score_entry(rng, leaf, quality, role, pct):
    """One line (or block) of `scores:` for a leaf; `quality` in 0..3 steers the level."""
    level = max(0, min(3, round(quality + rng.gauss(0, 0.7) + (0.4 if role == "self" else 0))))
    if leaf == "gouvernance-democratique":
        value = "yes" if quality > 0.6 or rng.random() < 0.5 else "no"
        head = f"value: {value}"
    elif leaf == "participation-ag":
        head = f"value: {pct}"
    else:
        if leaf in ("suivi-decisions", "connaissances") and quality < 0.9 and rng.random() < 0.5:
            return f"      {leaf}: {{na: {quote(rng.choice(NA_REASONS))}}}\n"
        given = LEVEL_LABELS[level] if rng.random() < 0.3 else str(level)
        head = f"level: {given}"
    if role == "self":
        return f"      {leaf}: {{{head}, evidence: {quote(fill(rng, rng.choice(EVIDENCE[leaf])))}}}\n"
    out = f"      {leaf}:\n        {head}\n"
    if leaf in EVIDENCE_REQUIRED or rng.random() < 0.8:
        out += f"        evidence: {quote(fill(rng, rng.choice(EVIDENCE[leaf])))}\n"
    if rng.random() < 0.35:
        out += f"        comment: {quote(rng.choice(COMMENTS))}\n"
    return out


def dossier(rng, index):
    structure = rng.choice(STRUCTURES)
    activity, theme = rng.choice(ACTIVITIES)
    place = rng.choice(PLACES)
    quality = rng.uniform(0.3, 3.0)
    lines = [
        "# yaml-language-server: $schema=../../schemas/dossier.schema.json",
        "# Dossier synthétique pour les mesures de performance (bench/gen_dossiers.py).",
        f"dossier: B{index:06d}",
        f"title: {quote(f'{activity[0].upper()}{activity[1:]} {place} — projet {2026 + index % 3}')}",
        f"applicant: {quote(f'{structure} {activity} {place}')}",
        f"grid: {GRID}" + (f"@{VERSION}" if rng.random() < 0.5 else ""),
        f"call: {rng.choice(CALLS)}",
        f"territory: {rng.choice(TERRITORIES)}",
        f"theme: {theme}",
        f"requested: {rng.randrange(5000, 80000, 500)}",
        "facts:",
        f"  ventes: {rng.randrange(0, 400000, 100)}           # ventes et prestations",
        f"  subventions: {rng.randrange(0, 200000, 100)}      # Région, Département, commune",
        f"  commande-publique: {rng.randrange(0, 50000, 100)}",
        f"  dons: {rng.randrange(0, 40000, 100)}              # dons, mécénat, fondations",
    ]
    if rng.random() > 0.03:  # a few forget the volunteering hours: incomplete
        lines.append(f"  heures-benevoles: {rng.randrange(0, 8000, 10)}  # registre des bénévoles")
    text = "\n".join(lines) + "\nassessments:\n"
    pct = round(rng.uniform(5, 90), 1)
    roles = ["analyst", rng.choice(["analyst", "partner"])]
    if rng.random() < 0.6:
        roles.append("self")
    for k, role in enumerate(roles):
        who = (rng.choice(ANALYSTS) if role == "analyst" else rng.choice(PARTNERS)
               if role == "partner" else f"{structure} {place}")
        text += (f"  - assessor: {quote(who)}\n    role: {role}\n"
                 f"    date: 2026-{rng.randint(1, 4):02d}-{rng.randint(1, 28):02d}\n    scores:\n")
        for leaf in LEAVES:
            text += score_entry(rng, leaf, quality, role, pct)
    if rng.random() < 0.15:
        text += ("consensus:\n  participation: {level: 2, note: "
                 + quote("Comité du 2026-05-12 : PV d'AG jugés probants") + "}\n")
    # Free notes keep each file between 4 and 6 KB, like a real instruction file.
    while len(text.encode("utf-8")) < 4096 + rng.randint(0, 1500):
        text += f"# {rng.choice(COMMENTS)} {rng.choice(COMMENTS)}\n"
    return text


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    total = 0
    for i in range(1, args.count + 1):
        data = dossier(rng, i).encode("utf-8")
        with open(os.path.join(args.out, f"B{i:06d}.yaml"), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{args.count} dossiers, {total} bytes ({total / max(args.count, 1):.0f} bytes each) "
          f"in {args.out}")


if __name__ == "__main__":
    main()
