package io.closeloop.crm.demo;

import java.util.List;
import java.util.Map;

/**
 * The word lists the demo book is made of. Curated rather than drawn from a fake-data library:
 * company names match their industry, people's names their country, phone numbers come from
 * ranges reserved for fiction, and the book stays the same for a seed across library upgrades.
 */
final class DemoNames {

    static final String US = "US";
    static final String GB = "GB";
    static final String DE = "DE";
    static final String FR = "FR";

    static final List<String> INDUSTRIES = List.of("Software", "Financial Services", "Healthcare", "Manufacturing",
            "Retail", "Logistics", "Telecommunications", "Energy", "Education", "Media");

    static final List<String> COMPANY_STEMS = List.of("Aldercrest", "Amberfield", "Ashgrove", "Bayview", "Beaconridge",
            "Blackpine", "Bluepeak", "Brightwater", "Cedarline", "Clearbrook", "Cobaltbay", "Copperleaf", "Crestmoor",
            "Driftwood", "Eastgate", "Elmstead", "Emberly", "Fairhaven", "Falconer", "Fernhill", "Foxbridge",
            "Goldcrest", "Granitefall", "Greenshore", "Harborline", "Hazelwood", "Highmark", "Ironbark", "Ivybridge",
            "Juniper", "Keystone", "Lakemont", "Larkspur", "Lumenfield", "Maplecroft", "Meridian", "Mistral",
            "Northbeam", "Oakhurst", "Orchardview", "Palisade", "Pinecrest", "Quarryhill", "Redcliff", "Ridgeway",
            "Riverbend", "Rookwood", "Saltmarsh", "Seabright", "Silverbirch", "Skylark", "Stonebridge", "Summitry",
            "Tallowood", "Thornbury", "Tidewater", "Trailhead", "Upfield", "Valecrest", "Wavecrest", "Westbrook",
            "Whitfield", "Willowmere", "Windermere", "Yarrow", "Zephyrline");

    static final Map<String, List<String>> INDUSTRY_NOUNS = Map.of(
            "Software", List.of("Software", "Systems", "Labs", "Cloud", "Data"),
            "Financial Services", List.of("Capital", "Financial", "Bank", "Insurance", "Partners"),
            "Healthcare", List.of("Health", "Medical", "Clinics", "Care", "Biotech"),
            "Manufacturing", List.of("Manufacturing", "Industries", "Components", "Machines", "Materials"),
            "Retail", List.of("Retail", "Stores", "Outfitters", "Market", "Goods"),
            "Logistics", List.of("Logistics", "Freight", "Shipping", "Transport", "Supply"),
            "Telecommunications", List.of("Telecom", "Networks", "Communications", "Wireless", "Fiber"),
            "Energy", List.of("Energy", "Power", "Solar", "Utilities", "Renewables"),
            "Education", List.of("Learning", "Academy", "Education", "Schools", "Tutoring"),
            "Media", List.of("Media", "Studios", "Publishing", "Broadcasting", "Entertainment"));

    static final Map<String, String> TLD = Map.of(US, ".com", GB, ".co.uk", DE, ".de", FR, ".fr");
    static final Map<String, List<String>> LEGAL_SUFFIXES = Map.of(
            US, List.of("Inc.", "Inc.", "Corp.", "LLC", "Group"),
            GB, List.of("Ltd", "Ltd", "plc", "Group"),
            DE, List.of("GmbH", "GmbH", "AG", "GmbH & Co. KG"),
            FR, List.of("SA", "SAS", "SAS", "Groupe"));

    static final Map<String, List<String>> FIRST_NAMES = Map.of(
            US, List.of("James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "William", "Linda", "David",
                    "Elizabeth", "Richard", "Barbara", "Joseph", "Susan", "Thomas", "Jessica", "Christopher", "Sarah",
                    "Daniel", "Karen", "Matthew", "Nancy", "Anthony", "Lisa", "Mark", "Betty", "Steven", "Ashley",
                    "Andrew", "Kimberly", "Wei", "Priya", "Carlos", "Mei", "Jamal", "Fatima", "Hiroshi", "Ana",
                    "Dmitri", "Keisha"),
            GB, List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Charlie", "Sophie",
                    "Thomas", "Grace", "Alfie", "Poppy", "Henry", "Freya", "Arjun", "Aisha", "Callum", "Niamh"),
            DE, List.of("Lukas", "Anna", "Maximilian", "Laura", "Felix", "Julia", "Jonas", "Lea", "Leon", "Sarah",
                    "Paul", "Katharina", "Tobias", "Johanna", "Florian", "Miriam", "Stefan", "Sabine", "Emre", "Leonie"),
            FR, List.of("Louis", "Camille", "Hugo", "Léa", "Gabriel", "Manon", "Arthur", "Chloé", "Jules", "Inès",
                    "Théo", "Juliette", "Nathan", "Sarah", "Raphaël", "Élodie", "Mathieu", "Céline", "Karim", "Amélie"));

    static final Map<String, List<String>> LAST_NAMES = Map.of(
            US, List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
                    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
                    "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
                    "Lewis", "Robinson", "Walker", "Young", "Allen", "Nguyen", "Chen", "Patel", "Kim", "Wright",
                    "O'Brien", "Sullivan"),
            GB, List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
                    "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan",
                    "Clarke"),
            DE, List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz",
                    "Hoffmann", "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Braun",
                    "Zimmermann", "Yilmaz"),
            FR, List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                    "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
                    "Fontaine", "Benali"));

    /** Titles of people who sign or sponsor a purchase; every account's first contact has one. */
    static final List<String> SENIOR_TITLES = List.of("Chief Executive Officer", "Chief Technology Officer",
            "Chief Financial Officer", "Chief Operating Officer", "Chief Revenue Officer", "VP of Sales",
            "VP of Engineering", "VP of Operations", "Head of IT", "Head of Procurement");

    static final List<String> TITLES = List.of("Director of IT", "Director of Finance", "Director of Operations",
            "Director of Sales Operations", "IT Manager", "Procurement Manager", "Operations Manager",
            "Sales Operations Manager", "Revenue Operations Analyst", "Solutions Architect", "Business Analyst",
            "Data Analyst", "Project Manager", "Office Manager", "Security Engineer", "Head of Customer Success");

    private static final List<String> US_AREA_CODES = List.of("212", "415", "312", "617", "206", "512", "303",
            "404", "713", "646");

    private DemoNames() {
    }

    /**
     * A phone number in a range reserved for fiction: US 555-0100..0199 (NANPA), UK Ofcom drama
     * numbers, German (Bundesnetzagentur) and French (ARCEP) ranges for films and fiction.
     */
    static String phone(String country, Dice dice) {
        return switch (country) {
            case US -> "+1 " + dice.pick(US_AREA_CODES) + " 555 01" + twoDigits(dice);
            case GB -> dice.chance(0.6) ? "+44 20 7946 0" + threeDigits(dice) : "+44 161 496 0" + threeDigits(dice);
            case DE -> dice.chance(0.5) ? "+49 30 23125 " + threeDigits(dice) : "+49 69 90009 " + threeDigits(dice);
            case FR -> "+33 1 99 00 " + twoDigits(dice) + " " + twoDigits(dice);
            default -> throw new IllegalArgumentException("no phone plan for " + country);
        };
    }

    private static String twoDigits(Dice dice) {
        return String.format("%02d", dice.between(0, 99));
    }

    private static String threeDigits(Dice dice) {
        return String.format("%03d", dice.between(0, 999));
    }
}
