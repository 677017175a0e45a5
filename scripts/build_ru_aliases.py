"""Write src/newsint/lang/ru/data/places.tsv: the Russian names of countries and of the places
Russian-language conflict news names most, mapped to knowledge-base ids.

    python scripts/build_ru_aliases.py

Countries: every country of the knowledge base by its ISO 3166 name in pycountry's Russian
translation (iso3166-1 catalogue, ``ru``), plus its common short name where the official
translation is a long form ("Российская Федерация" -> also "Россия"). Places: the Russian
names below, each resolved through the knowledge base's own English name, so that the ids are
the ones the English pipeline gives. Run once; the output is committed (pycountry is needed
only here, not at run time).
"""

from __future__ import annotations

import gettext
from pathlib import Path

import pycountry

from newsint.kb.countries import countries
from newsint.kb.knowledge import knowledge_base

OUT = Path(__file__).resolve().parents[1] / "src" / "newsint" / "lang" / "ru" / "data" / "places.tsv"

# Short names news uses where pycountry's translation is the official long one, and the forms
# of Belarus and Moldova both spellings of which Russian news writes.
SHORT_NAMES = {
    "RUS": ["Россия", "РФ", "Росія", "Расія"],
    "BLR": ["Белоруссия", "Беларусь", "Білорусь", "Республика Беларусь"],
    "UKR": ["Украина", "Україна", "Украіна"],
    "USA": ["США", "Соединенные Штаты", "Соединенные Штаты Америки", "Америка", "Сполучені Штати"],
    "GBR": ["Великобритания", "Британия", "Велика Британія"],
    "MDA": ["Молдавия", "Молдова"],
    "IRN": ["Иран", "Іран"],
    "SYR": ["Сирия", "Сирія"],
    "KOR": ["Южная Корея", "Республика Корея"],
    "PRK": ["КНДР", "Северная Корея"],
    "CHN": ["Китай", "КНР", "Китай"],
    "DEU": ["Германия", "ФРГ", "Німеччина"],
    "POL": ["Польша", "Польща", "Польшча"],
    "LTU": ["Литва"],
    "LVA": ["Латвия"],
    "EST": ["Эстония"],
    "TUR": ["Турция", "Туреччина"],
    "FRA": ["Франция", "Франція"],
    "VEN": ["Венесуэла"],
    "BOL": ["Боливия"],
    "TZA": ["Танзания"],
    "CZE": ["Чехия"],
    "MKD": ["Северная Македония"],
    "VNM": ["Вьетнам"],
    "LAO": ["Лаос"],
}

# Russian (and a few Ukrainian) names of places -> the English name the knowledge base knows.
PLACES = {
    "Москва": "Moscow",
    "Минск": "Minsk",
    "Мінськ": "Minsk",
    "Мінск": "Minsk",
    "Киев": "Kyiv",
    "Київ": "Kyiv",
    "Кіеў": "Kyiv",
    "Санкт-Петербург": "Saint Petersburg",
    "Петербург": "Saint Petersburg",
    "Брест": "Brest",
    "Гомель": "Gomel",
    "Гродно": "Grodno",
    "Витебск": "Vitebsk",
    "Могилев": "Mogilev",
    "Барановичи": "Baranovichi",
    "Осиповичи": "Osipovichi",
    "Лида": "Lida",
    "Харьков": "Kharkiv",
    "Харків": "Kharkiv",
    "Одесса": "Odesa",
    "Одеса": "Odesa",
    "Херсон": "Kherson",
    "Запорожье": "Zaporizhzhia",
    "Запоріжжя": "Zaporizhzhia",
    "Донецк": "Donetsk",
    "Донецьк": "Donetsk",
    "Луганск": "Luhansk",
    "Луганськ": "Luhansk",
    "Мариуполь": "Mariupol",
    "Маріуполь": "Mariupol",
    "Днепр": "Dnipro",
    "Дніпро": "Dnipro",
    "Львов": "Lviv",
    "Львів": "Lviv",
    "Чернигов": "Chernihiv",
    "Чернігів": "Chernihiv",
    "Сумы": "Sumy",
    "Суми": "Sumy",
    "Бахмут": "Bakhmut",
    "Авдеевка": "Avdiivka",
    "Покровск": "Pokrovsk",
    "Белгород": "Belgorod",
    "Курск": "Kursk",
    "Брянск": "Bryansk",
    "Ростов-на-Дону": "Rostov-on-Don",
    "Севастополь": "Sevastopol",
    "Симферополь": "Simferopol",
    "Калининград": "Kaliningrad",
    "Крым": "Crimea",
    "Крим": "Crimea",
    "Донбасс": "Donbas",
    "Донбас": "Donbas",
    "Варшава": "Warsaw",
    "Вильнюс": "Vilnius",
    "Рига": "Riga",
    "Таллин": "Tallinn",
    "Брюссель": "Brussels",
    "Вашингтон": "Washington",
    "Лондон": "London",
    "Париж": "Paris",
    "Берлин": "Berlin",
    "Пекин": "Beijing",
    "Анкара": "Ankara",
    "Стамбул": "Istanbul",
    "Женева": "Geneva",
    "Вена": "Vienna",
    "Тегеран": "Tehran",
    "Дамаск": "Damascus",
    "Алеппо": "Aleppo",
    "Идлиб": "Idlib",
    "Газа": "Gaza",
    "Иерусалим": "Jerusalem",
}


def main() -> None:
    kb = knowledge_base()
    russian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    lines: list[str] = []
    for country in countries().by_iso3.values():
        entry = pycountry.countries.get(alpha_3=country.iso3)
        names: list[str] = []
        if entry is not None:
            names.append(russian.gettext(entry.name))
            if hasattr(entry, "official_name"):
                names.append(russian.gettext(entry.official_name))
        names += SHORT_NAMES.get(country.iso3, [])
        names = [n for n in dict.fromkeys(names) if n and not n.isascii()]
        if names:
            lines.append(f"country:{country.iso3}\tPLACE\t{' | '.join(names)}")
    for russian_name, english in PLACES.items():
        link = kb.link(english, "PLACE")
        if link is None:
            raise SystemExit(f"{english!r} ({russian_name}) is not in the knowledge base")
        lines.append(f"{link.kb_id}\tPLACE\t{russian_name}")
    header = (
        "# Generated by scripts/build_ru_aliases.py (countries: pycountry's Russian locale; places:\n"
        "# the script's list, resolved through the knowledge base). Do not edit by hand.\n"
    )
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} lines written to {OUT}")


if __name__ == "__main__":
    main()
