import Foundation
import GRDB
import SalesDeskDomain

/// The demo's people: sales teams in three time zones, support teams for every routing target, an admin.
struct DemoStaff {
    var reps: [Int64]
    var supportByTeam: [Int64: [Int64]]
    var teamByName: [String: Int64]

    static func create(_ db: Database, now: Date) throws -> DemoStaff {
        var staff = DemoStaff(reps: [], supportByTeam: [:], teamByName: [:])
        let salesTeams: [(String, String, (String, String), [(String, String)])] = [
            ("Sales EMEA", "Europe/Berlin", ("jonas", "Jonas Weber"),
             [("ana", "Ana Silva"), ("lukas", "Lukas Müller"), ("chloe", "Chloé Dubois"), ("amara", "Amara Okafor"), ("sven", "Sven Lindqvist"), ("giulia", "Giulia Rossi")]),
            ("Sales Americas", "America/New_York", ("maria", "María García"),
             [("noah", "Noah Johnson"), ("isabela", "Isabela Santos"), ("liam", "Liam Murphy"), ("zanele", "Zanele Dlamini"), ("omar", "Omar Haddad"), ("emma", "Emma Walker")]),
            ("Sales APAC", "Asia/Tokyo", ("kenji", "Kenji Tanaka"),
             [("yuki", "Yuki Sato"), ("wei", "Wei Chen"), ("priya", "Priya Sharma"), ("minjun", "Min-jun Kim"), ("aroha", "Aroha Ngata")]),
        ]
        var admin = User(handle: "admin", name: "Desk Admin", email: "admin@example.com", role: .admin, timeZoneID: "UTC")
        try admin.insert(db)
        for (teamName, zone, manager, reps) in salesTeams {
            var team = Team(name: teamName, timeZoneID: zone)
            try team.insert(db)
            var boss = User(handle: manager.0, name: manager.1, email: "\(manager.0)@example.com", role: .manager, teamID: team.id, timeZoneID: zone)
            try boss.insert(db)
            team.managerID = boss.id
            try team.update(db)
            for (handle, name) in reps {
                var rep = User(handle: handle, name: name, email: "\(handle)@example.com", role: .rep, teamID: team.id, managerID: boss.id, timeZoneID: zone)
                try rep.insert(db)
                staff.reps.append(rep.id!)
            }
        }
        let supportTeams: [(String, [(String, String)])] = [
            ("Customer Success", [("fatima", "Fatima Khalil"), ("thabo", "Thabo Nkosi"), ("hana", "Hana Novák")]),
            ("Technical Integration", [("dmitri", "Dmitri Ivanov"), ("linh", "Linh Tran")]),
            ("Development", [("ayse", "Ayşe Yılmaz"), ("marco", "Marco Bianchi")]),
            ("Product", [("seoyeon", "Seo-yeon Park")]),
            ("Data", [("soren", "Søren Andersen")]),
        ]
        var supportLead = User(handle: "ingrid", name: "Ingrid Berg", email: "ingrid@example.com", role: .manager, timeZoneID: "Europe/Berlin")
        try supportLead.insert(db)
        for (teamName, people) in supportTeams {
            var team = Team(name: teamName, managerID: supportLead.id, timeZoneID: "Europe/Berlin")
            try team.insert(db)
            staff.teamByName[teamName] = team.id
            for (handle, name) in people {
                var person = User(handle: handle, name: name, email: "\(handle)@example.com", role: .support, teamID: team.id, managerID: supportLead.id, timeZoneID: "Europe/Berlin")
                try person.insert(db)
                staff.supportByTeam[team.id!, default: []].append(person.id!)
            }
        }
        try db.execute(sql: "UPDATE user SET team_id = ? WHERE id = ?", arguments: [staff.teamByName["Customer Success"], supportLead.id])
        return staff
    }
}
