"""Real makes and models with plausible Canadian prices: the demo data and the benchmark draw on it."""

# make: [(model, body type, fuel type, drive, new price in CAD)]
CATALOGUE = {
    "Toyota": [
        ("Camry", "sedan", "gasoline", "fwd", 34000),
        ("Corolla", "sedan", "gasoline", "fwd", 25000),
        ("RAV4", "suv", "hybrid", "awd", 40000),
        ("Highlander", "suv", "gasoline", "awd", 52000),
        ("Tacoma", "pickup", "gasoline", "4wd", 48000),
        ("Land Cruiser", "suv", "diesel", "4wd", 85000),
        ("Hilux", "pickup", "diesel", "4wd", 45000),
        ("Sienna", "minivan", "hybrid", "fwd", 50000),
    ],
    "Honda": [
        ("Civic", "sedan", "gasoline", "fwd", 28000),
        ("Accord", "sedan", "hybrid", "fwd", 38000),
        ("CR-V", "suv", "gasoline", "awd", 39000),
        ("Pilot", "suv", "gasoline", "awd", 53000),
        ("Odyssey", "minivan", "gasoline", "fwd", 50000),
    ],
    "Ford": [
        ("F-150", "pickup", "gasoline", "4wd", 55000),
        ("Escape", "suv", "gasoline", "awd", 35000),
        ("Explorer", "suv", "gasoline", "awd", 50000),
        ("Ranger", "pickup", "gasoline", "4wd", 42000),
        ("Transit", "van", "gasoline", "rwd", 55000),
    ],
    "Chevrolet": [
        ("Silverado", "pickup", "gasoline", "4wd", 56000),
        ("Equinox", "suv", "gasoline", "awd", 34000),
        ("Malibu", "sedan", "gasoline", "fwd", 30000),
        ("Tahoe", "suv", "gasoline", "4wd", 75000),
    ],
    "Nissan": [
        ("Rogue", "suv", "gasoline", "awd", 36000),
        ("Sentra", "sedan", "gasoline", "fwd", 24000),
        ("Pathfinder", "suv", "gasoline", "awd", 50000),
        ("Frontier", "pickup", "gasoline", "4wd", 45000),
    ],
    "Hyundai": [
        ("Elantra", "sedan", "gasoline", "fwd", 24000),
        ("Tucson", "suv", "hybrid", "awd", 36000),
        ("Santa Fe", "suv", "gasoline", "awd", 42000),
    ],
    "Kia": [("Sportage", "suv", "gasoline", "awd", 34000), ("Sorento", "suv", "hybrid", "awd", 44000)],
    "Mazda": [("Mazda3", "hatchback", "gasoline", "fwd", 27000), ("CX-5", "suv", "gasoline", "awd", 36000)],
    "Subaru": [("Outback", "wagon", "gasoline", "awd", 40000), ("Forester", "suv", "gasoline", "awd", 37000)],
    "Volkswagen": [("Jetta", "sedan", "gasoline", "fwd", 27000), ("Tiguan", "suv", "gasoline", "awd", 38000)],
    "Lexus": [("RX 350", "suv", "gasoline", "awd", 65000), ("ES 300h", "sedan", "hybrid", "fwd", 55000)],
    "Mercedes-Benz": [("C 300", "sedan", "gasoline", "awd", 58000), ("GLE 350", "suv", "gasoline", "awd", 80000)],
    "BMW": [("330i", "sedan", "gasoline", "awd", 55000), ("X5", "suv", "gasoline", "awd", 85000)],
    "Jeep": [("Wrangler", "suv", "gasoline", "4wd", 50000), ("Grand Cherokee", "suv", "gasoline", "4wd", 60000)],
    "Ram": [("1500", "pickup", "gasoline", "4wd", 58000)],
    "Mitsubishi": [("Outlander", "suv", "plug_in_hybrid", "awd", 45000), ("Pajero", "suv", "diesel", "4wd", 45000)],
    "Land Rover": [("Range Rover", "suv", "gasoline", "4wd", 140000), ("Defender", "suv", "gasoline", "4wd", 80000)],
}
TRIMS = ["Base", "LE", "SE", "XLE", "Sport", "Limited", "Touring", "EX", "LX", "Premium"]
COLOURS = ["Black", "White", "Silver", "Grey", "Blue", "Red", "Green", "Beige", "Brown"]
CITIES = [
    ("Halifax", "NS"),
    ("Dartmouth", "NS"),
    ("Moncton", "NB"),
    ("Montréal", "QC"),
    ("Laval", "QC"),
    ("Québec", "QC"),
    ("Toronto", "ON"),
    ("Ottawa", "ON"),
    ("Mississauga", "ON"),
    ("Calgary", "AB"),
    ("Edmonton", "AB"),
    ("Vancouver", "BC"),
    ("Winnipeg", "MB"),
    ("Saskatoon", "SK"),
]
DESCRIPTIONS = [
    "One owner, full service history, winter and summer tires.",
    "Clean title, no accidents, heated seats and remote start.",
    "Un seul propriétaire, entretien complet, pneus d'hiver inclus.",
    "Ready for export: inspected, recent brakes and battery.",
    "Sièges chauffants, démarreur à distance, aucun accident.",
    "Towing package, backup camera, Apple CarPlay and Android Auto.",
]
