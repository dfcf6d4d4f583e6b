import SalesDeskAutomation
import TerminalUI

extension RuleFlow {
    /// The rule drawn as a flow: a When box, an If box (when it has conditions), then a Then box per action.
    /// One home for the drawing: the Workflows screen and `salesdesk rules show --flow` both use it.
    public var diagram: FlowDiagram {
        FlowDiagram(chain: [FlowDiagram.Box(title: "When", lines: [trigger])] + (conditions.isEmpty ? [] : [FlowDiagram.Box(title: "If", lines: conditions)]),
                    branches: actions.map { FlowDiagram.Box(title: "Then", lines: [$0]) })
    }
}
