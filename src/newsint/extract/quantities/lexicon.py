"""The units and currencies a number can carry: words written after it ("per cent", "tonnes",
"dollars"), symbols and abbreviations ("%", "km", "GB"), letters attached to the digits ("45g"),
currency prefixes ("US$", "£"), and the nouns of rates ("a day", "per barrel")."""

CURRENCY_PREFIXES = {
    "US$": "USD", "$US": "USD", "USD": "USD", "HK$": "HKD", "HKD": "HKD", "AU$": "AUD", "A$": "AUD",
    "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "C$": "CAD", "CA$": "CAD",
    "CAD": "CAD", "$": "dollar", "£": "GBP", "GBP": "GBP", "€": "EUR", "EUR": "EUR", "¥": "JPY",
    "Y=": "JPY", "JPY": "JPY", "INR": "INR", "Rs": "INR", "Rs.": "INR", "CNY": "CNY", "RMB": "CNY",
    "CHF": "CHF", "RUB": "RUB", "UAH": "UAH", "MYR": "MYR", "RM": "MYR",
}  # fmt: skip

# Units written after a number, case-insensitive words (plural forms listed; matched whole).
WORD_UNITS = {
    "per cent": "percent", "percent": "percent", "pct": "percent", "pc": "percent",
    "percentage points": "percentage point", "percentage point": "percentage point",
    "basis points": "basis point", "basis point": "basis point",
    "years old": "year of age", "year old": "year of age", "years-old": "year of age",
    "year-old": "year of age", "year-olds": "year of age",
    "years": "year", "year": "year", "yrs": "year", "months": "month", "month": "month",
    "weeks": "week", "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour",
    "hrs": "hour", "hr": "hour", "minutes": "minute", "minute": "minute", "mins": "minute",
    "min": "minute", "seconds": "second", "second": "second", "secs": "second", "sec": "second",
    "decades": "decade", "decade": "decade", "centuries": "century", "century": "century",
    "kilometres": "kilometre", "kilometre": "kilometre", "kilometers": "kilometre", "kilometer": "kilometre",
    "metres": "metre", "metre": "metre", "meters": "metre", "meter": "metre",
    "centimetres": "centimetre", "centimeters": "centimetre", "millimetres": "millimetre",
    "millimeters": "millimetre", "miles per hour": "mile per hour", "kilometres per hour": "kilometre per hour",
    "kilometers per hour": "kilometre per hour", "square miles": "square mile", "square mile": "square mile",
    "square kilometres": "square kilometre", "square kilometers": "square kilometre",
    "square metres": "square metre", "square meters": "square metre", "square feet": "square foot",
    "nautical miles": "nautical mile", "miles": "mile", "mile": "mile", "feet": "foot", "foot": "foot",
    "inches": "inch", "inch": "inch", "yards": "yard", "yard": "yard", "hectares": "hectare",
    "hectare": "hectare", "acres": "acre", "acre": "acre", "knots": "knot",
    "kilograms": "kilogram", "kilogram": "kilogram", "kilos": "kilogram", "grams": "gram", "gram": "gram",
    "milligrams": "milligram", "milligram": "milligram", "tonnes": "metric ton", "tonne": "metric ton",
    "metric tons": "metric ton", "tons": "ton", "ton": "ton", "ounces": "ounce", "ounce": "ounce",
    "litres": "litre", "litre": "litre", "liters": "litre", "liter": "litre", "gallons": "gallon",
    "gallon": "gallon", "barrels": "barrel", "barrel": "barrel", "cubic metres": "cubic metre",
    "cubic meters": "cubic metre",
    "degrees celsius": "celsius", "degree celsius": "celsius", "celsius": "celsius", "centigrade": "celsius",
    "degrees fahrenheit": "fahrenheit", "fahrenheit": "fahrenheit", "degrees": "degree", "degree": "degree",
    "horsepower": "horsepower", "watts": "watt", "watt": "watt", "kilowatts": "kilowatt", "kilowatt": "kilowatt",
    "megawatts": "megawatt", "megawatt": "megawatt", "gigawatts": "gigawatt", "gigawatt": "gigawatt",
    "volts": "volt", "volt": "volt",
    "us dollars": "USD", "u.s. dollars": "USD", "australian dollars": "AUD", "canadian dollars": "CAD",
    "new zealand dollars": "NZD", "hong kong dollars": "HKD", "singapore dollars": "SGD",
    "dollars": "dollar", "dollar": "dollar", "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupees": "INR", "rupee": "INR",
    "shekels": "ILS", "shekel": "ILS", "ringgit": "MYR", "roubles": "RUB", "rubles": "RUB",
    "rouble": "RUB", "ruble": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "hryvnia's": "UAH",
    "swiss francs": "CHF", "rand": "ZAR", "cents": "cent", "cent": "cent", "pence": "pence", "sen": "sen",
}  # fmt: skip
# Symbols and abbreviations, case-sensitive; spaced or attached ("87 mph", "256GB").
SYMBOL_UNITS = {
    "%": "percent", "km/h": "kilometre per hour", "km/hr": "kilometre per hour", "kph": "kilometre per hour",
    "mph": "mile per hour", "km²": "square kilometre", "km2": "square kilometre", "sq km": "square kilometre",
    "m²": "square metre", "m2": "square metre", "sq m": "square metre", "sqm": "square metre",
    "sq ft": "square foot", "km": "kilometre", "cm": "centimetre", "mm": "millimetre", "μm": "micrometre",
    "µm": "micrometre", "ft": "foot", "yd": "yard", "kg": "kilogram", "mg": "milligram", "lbs": "pound-mass",
    "lb": "pound-mass", "oz": "ounce", "ml": "millilitre", "mL": "millilitre", "°C": "celsius",
    "ºC": "celsius", "degC": "celsius", "deg C": "celsius", "°F": "fahrenheit", "degF": "fahrenheit",
    "deg F": "fahrenheit", "kWh": "kilowatt hour", "MWh": "megawatt hour", "GWh": "gigawatt hour",
    "TWh": "terawatt hour", "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt",
    "TW": "terawatt", "hp": "horsepower", "HP": "horsepower", "bhp": "brake horsepower", "PS": "horsepower",
    "Nm": "newton metre", "lb-ft": "foot pound-force", "mAh": "milliampere-hour", "kV": "kilovolt",
    "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz", "GB": "gigabyte",
    "MB": "megabyte", "TB": "terabyte", "KB": "kilobyte", "kB": "kilobyte", "Gbps": "gigabit per second",
    "Mbps": "megabit per second", "rpm": "revolutions per minute", "ppb": "parts-per-billion",
    "ppm": "parts-per-million", "ksi": "kilopound per square inch", "MPa": "megapascal", "″": "inch",
    "′": "foot", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY", "INR": "INR",
    "CHF": "CHF", "RUB": "RUB", "UAH": "UAH", "HKD": "HKD", "AUD": "AUD", "CAD": "CAD",
}  # fmt: skip
# Only attached to the digits ("45g", "1.0l"): spaced, these letters are too often words.
ATTACHED_UNITS = {"g": "gram", "l": "litre", "L": "litre", "m": "metre", "p": "pence", "t": "metric ton"}
POUND_WORDS = ("pounds", "pound")
CURRENCIES = frozenset(CURRENCY_PREFIXES.values()) | {"ILS", "ZAR", "cent", "pence", "sen"}
RATE_NOUNS = {
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour", "h": "hour",
    "hr": "hour", "minute": "minute", "min": "minute", "second": "second", "share": "share",
    "barrel": "barrel", "head": "head", "person": "person", "capita": "capita", "night": "night",
    "kilo": "kilogram", "kg": "kilogram", "litre": "litre", "liter": "litre", "gallon": "gallon",
    "tonne": "metric ton", "ton": "ton", "ounce": "ounce", "unit": "unit",
}  # fmt: skip
