import Foundation

/// A refused change, with a message that says what to do instead.
///
/// Errors can be matched: `catch DomainError.lostNeedsReason { ... }`.
public enum DomainError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    case lostNeedsReason
    case lossReasonNeedsText
    case unknownLossReason(String)
    case unknownStage(String, known: [String])
    case alreadyInStage(String)
    case wonIsFinal
    case reactivateBeforeWinning
    case holdOnlyIn(String)
    case invalidPipeline(String)
    case ticketMoveNotAllowed(from: String, to: String, allowed: [String])
    case ticketNeedsAssignee
    case closeNeedsCustomerConfirmation
    case invalidMoney(String)
    case invalidCurrency(String)
    case invalidField(field: String, reason: String)
    case notFound(String)
    case notPermitted(String)

    public var description: String {
        switch self {
        case .lostNeedsReason:
            "Lost needs a reason: \(LossReason.choiceList)."
        case .lossReasonNeedsText:
            "A loss reason of Other needs a few words saying what happened."
        case .unknownLossReason(let text):
            "'\(text)' is not a loss reason. Pick one of: \(LossReason.choiceList)."
        case .unknownStage(let text, let known):
            "'\(text)' is not a stage. Stages: \(known.joined(separator: ", "))."
        case .alreadyInStage(let stage):
            "The lead is already in \(stage)."
        case .wonIsFinal:
            "The deal is Won, which is final. Open a new lead for further business."
        case .reactivateBeforeWinning:
            "A Lost lead cannot jump to Won. Reactivate it into an open stage first."
        case .holdOnlyIn(let stage):
            "Only deals in \(stage) can be put On Hold."
        case .invalidPipeline(let reason):
            "The pipeline configuration is invalid: \(reason)."
        case .ticketMoveNotAllowed(let from, let to, let allowed):
            "A ticket cannot go from \(from) to \(to). From \(from) it can go to: \(allowed.joined(separator: ", "))."
        case .ticketNeedsAssignee:
            "Assign the ticket to someone before moving it to Assigned."
        case .closeNeedsCustomerConfirmation:
            "Close a ticket only when the customer confirms; pass the confirmation to close it."
        case .invalidMoney(let text):
            "'\(text)' is not an amount. Write digits with an optional decimal point, e.g. 12500.50."
        case .invalidCurrency(let text):
            "'\(text)' is not a currency code. Use three letters such as USD or EUR."
        case .invalidField(let field, let reason):
            "\(field): \(reason)"
        case .notFound(let what):
            "\(what) was not found."
        case .notPermitted(let reason):
            "Not permitted: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
