import Foundation
import SalesDeskDomain
import SalesDeskStore

extension SchedulerEngine {
    /// The automation part of a pass: rules over new events and time, then (where this engine runs hooks)
    /// the rules' `run hook` commands, each outside any transaction.
    func runAutomation(at: Date, hooks: [NotificationHook]) throws -> AutomationReport {
        let report = try database.runAutomation(claimer: claimer, now: at, lease: database.configuration.scheduler.leaseSeconds,
                                                watch: automationWatch, afterClaim: afterEventClaim)
        if !hooks.isEmpty { try deliverRuleHooks(at: at, hooks: hooks) }
        return report
    }

    /// Runs due `run hook` deliveries; a failure is recorded with its retry time (the hook's backoff) and never stops the others.
    private func deliverRuleHooks(at: Date, hooks: [NotificationHook]) throws {
        let lease = database.configuration.scheduler.leaseSeconds
        for delivery in try database.claimRuleHookDeliveries(claimer: claimer, now: at, lease: lease) {
            guard let hook = hooks.first(where: { $0.name.caseInsensitiveCompare(delivery.hook) == .orderedSame }) else {
                try database.recordRuleHookAttempt(delivery, claimer: claimer, now: at, error: "no hook called \"\(delivery.hook)\" is configured", retryAt: nil)
                continue
            }
            let error = RuleHookCommand(command: HookCommand(command: hook.command, timeout: hook.timeoutSeconds)).run(delivery)
            let retryAt = error == nil ? nil : hook.retryAt(afterAttempt: delivery.attempts + 1, failedAt: at)
            try database.recordRuleHookAttempt(delivery, claimer: claimer, now: at, error: error, retryAt: retryAt)
        }
    }
}

/// Runs a hook command for a rule firing: the firing's JSON on stdin, `SALESDESK_RULE` and `SALESDESK_RUN` in the environment.
struct RuleHookCommand {
    var command: HookCommand

    func run(_ delivery: RuleHookDelivery) -> String? {
        let stem = FileManager.default.temporaryDirectory.appendingPathComponent("salesdesk-rule-hook-\(UUID().uuidString)").path
        defer { [stem + ".in", stem + ".err"].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        guard FileManager.default.createFile(atPath: stem + ".in", contents: Data((delivery.payload + "\n").utf8)) else {
            return "cannot write the hook's input file"
        }
        var environment = ProcessInfo.processInfo.environment
        environment["SALESDESK_RULE"] = delivery.rule
        environment["SALESDESK_RUN"] = String(delivery.runID)
        guard let pid = command.spawn(stdin: stem + ".in", stderr: stem + ".err", environment: environment) else { return "cannot start /bin/sh" }
        guard let status = command.wait(for: pid) else { return "timed out after \(Int(command.timeout)) s and was killed" }
        if status == 0 { return nil }
        let output = (try? String(contentsOfFile: stem + ".err", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return "exit status \(status)" + (output.isEmpty ? "" : ": " + String(output.suffix(300)))
    }
}
