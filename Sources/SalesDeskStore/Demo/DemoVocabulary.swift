/// Names and phrases the demo generator draws from: people from several cultures, companies, subjects.
enum DemoVocabulary {
    static let firstNames = [
        "Ana", "João", "Mariana", "Kenji", "Yuki", "Haruto", "Wei", "Li", "Mei", "Priya", "Arjun", "Ananya", "Olusegun",
        "Chiamaka", "Amara", "Fatima", "Omar", "Layla", "Sven", "Ingrid", "Lars", "Élodie", "François", "Chloé", "Jürgen",
        "Anneliese", "Lukas", "María", "José", "Lucía", "Giulia", "Marco", "Aleksandr", "Olga", "Dmitri", "Seo-yeon",
        "Min-jun", "Thanh", "Linh", "Aroha", "Tane", "Siobhan", "Ciarán", "Noah", "Emma", "Liam", "Olivia", "Zanele",
        "Thabo", "Ayşe", "Mehmet", "Nguyễn", "Søren", "Małgorzata", "Zoë", "Renée", "Björn", "Hana", "Tomás", "Isabela",
    ]
    static let lastNames = [
        "Silva", "Santos", "Oliveira", "Tanaka", "Suzuki", "Sato", "Wang", "Chen", "Zhang", "Sharma", "Patel", "Iyer",
        "Adeyemi", "Okafor", "Nwosu", "Haddad", "Khalil", "Mansour", "Lindqvist", "Johansson", "Berg", "Dubois", "Lefèvre",
        "Moreau", "Müller", "Schmidt", "Weiß", "García", "Fernández", "López", "Rossi", "Bianchi", "Ivanov", "Petrova",
        "Kim", "Park", "Lee", "Nguyen", "Tran", "Ngata", "Walker", "O'Brien", "Murphy", "Smith", "Johnson", "Dlamini",
        "Nkosi", "Yılmaz", "Kaya", "Kowalski", "Nowak", "Andersen", "Novák", "Kovač", "Papadopoulos", "Cohen", "Levi",
    ]
    static let companyStems = [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli", "Vandelay",
        "Wonka", "Oscorp", "Nakatomi", "Gringotts", "Aperture", "Black Mesa", "Massive", "Pied Piper", "Dunder",
        "Blue Sun", "Weyland", "Monarch", "Virtucon", "Gekko", "Sakura", "Lotus", "Nordlicht", "Alpenrose", "Sol",
        "Zenith", "Kite", "Harbor", "Meridian", "Quantum", "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware",
        "株式会社ミライ", "北京星辰", "Ôrange Bleue", "Øresund", "Ąžuolas",
    ]
    static let companySuffixes = ["Ltd", "GmbH", "Inc", "SA", "BV", "AG", "Corp", "KK", "Labs", "Group", "Systems", "Foods", "Logistics", "Health"]
    static let industries = ["Retail", "Manufacturing", "Healthcare", "Finance", "Logistics", "Education", "Hospitality", "Energy", "Media", "Software"]
    static let titles = [
        "CEO", "CTO", "Head of Operations", "VP Sales", "Operations Manager", "IT Director", "Procurement Lead",
        "Office Manager", "Founder", "Marketing Manager", "Analyst", "Engineer", "CFO", "Director of Finance", "Consultant",
    ]
    static let dealSuffixes = ["pilot", "40 seats", "annual plan", "expansion", "renewal", "integration", "starter", "enterprise rollout"]
    static let callSubjects = [
        "Intro call", "Discovery call", "Check budget", "Follow up on proposal", "Demo recap", "Pricing questions",
        "Confirm decision makers", "Negotiate terms", "Integration kickoff", "Send case study", "Book demo", "Contract review",
    ]
    static let ticketSubjects = [
        "Sync stopped after update", "Export to Excel fails", "Duplicate contacts after import", "Cannot log in with SSO",
        "Feature request: dark mode", "Invoice totals wrong", "Webhook not firing", "Slow dashboard", "Data missing since Tuesday",
        "API returns 500 on /orders", "Calendar sync shows wrong time zone", "Request: bulk edit", "Report numbers do not add up",
        "Mobile app crashes on start", "Password reset email not arriving",
    ]
}
