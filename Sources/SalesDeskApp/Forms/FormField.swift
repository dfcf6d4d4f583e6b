/// Every field a desk form can have, as a typed id: forms are read by id, never by their label's text.
public enum FormField: Hashable, Sendable {
    // Completing and logging follow-ups
    case outcome, nextType, nextSubject, nextDue, moveTo, lossReason, lossNote
    case activityType, subject, due, notes
    // Rescheduling
    case newTime, reason
    // Leads
    case stage, owner, contactName, email, phone, company, dealTitle, value, source, tags, partner
    // Tickets
    case assignee, status, customerConfirmed, comment, visibleTo, description, priority, category
    // Import and merge
    case file, duplicates, dryRun, duplicateLead
    // Board and command line
    case boardOwner, command

    /// The label shown above the field.
    public var label: String {
        switch self {
        case .outcome: "Outcome"
        case .nextType: "Next follow-up"
        case .nextSubject: "Next follow-up's subject"
        case .nextDue: "Next follow-up due (e.g. +2d, tomorrow 10:00; blank: none)"
        case .moveTo: "Move lead to"
        case .lossReason: "Loss reason (for Lost)"
        case .lossNote: "Loss note (for Other)"
        case .activityType: "Type"
        case .subject: "Subject"
        case .due: "Due (e.g. tomorrow 9:00, +2h, 2026-12-01 14:30)"
        case .notes: "Notes (Ctrl-o: $EDITOR)"
        case .newTime: "New time (e.g. tomorrow 9:00, +3h)"
        case .reason: "Reason"
        case .stage: "Stage"
        case .owner: "New owner"
        case .contactName: "Contact name"
        case .email: "Email"
        case .phone: "Phone"
        case .company: "Company"
        case .dealTitle: "Deal name (blank: company deal)"
        case .value: "Value (e.g. 12500.50)"
        case .source: "Source"
        case .tags: "Tags (comma separated)"
        case .partner: "Partner (for referrals)"
        case .assignee: "Assignee"
        case .status: "Status"
        case .customerConfirmed: "Customer confirmed (needed to close)"
        case .comment: "Comment (Ctrl-o: $EDITOR)"
        case .visibleTo: "Visible to"
        case .description: "Description (Ctrl-o: $EDITOR)"
        case .priority: "Priority"
        case .category: "Category"
        case .file: "File (.csv or .xlsx; ~ works)"
        case .duplicates: "Existing contacts (same email or phone)"
        case .dryRun: "Dry run (check only, write nothing)"
        case .duplicateLead: "Lead # whose contact is the duplicate"
        case .boardOwner: "Owner handle or team name (blank: everyone)"
        case .command: ":"
        }
    }
}
