/// Rule texts tests share.
public enum RuleSamples {
    /// The example: after a big demo, a recap e-mail task for the owner and a word to the manager.
    public static let bigDemoRecap = """
        rule "Recap after a big demo"
        when lead stage changes to "Demo Given"
        if value >= 10000 and source is not partner_referral
        then create follow-up email "Send the demo recap" due in 1 business day for owner
             notify manager "Big demo done: {lead.name} ({lead.value})"
        """
}
