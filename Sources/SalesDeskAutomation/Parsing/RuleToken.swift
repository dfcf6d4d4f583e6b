/// A piece of rule text with where it starts (1-based line and column).
struct RuleToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare word, lower-cased for matching (`when`, `follow-up`, `partner_referral`); ``text`` keeps the original.
        case word(String)
        case string(String)
        case number(Double)
        /// `>=`, `<=`, `>`, `<`, `(`, `)`, `,`, `:`.
        case symbol(String)
        case newline
        case end
    }

    var kind: Kind
    var text: String
    var line: Int
    var column: Int

    /// How the token is named in "expected …, found …".
    var described: String {
        switch kind {
        case .word: "'\(text)'"
        case .string(let value): "the text \"\(value)\""
        case .number: "the number \(text)"
        case .symbol(let symbol): "'\(symbol)'"
        case .newline: "the end of the line"
        case .end: "the end of the rule"
        }
    }
}

/// Splits rule text into tokens; `#` starts a comment to the end of the line.
struct RuleLexer {
    static func tokens(_ source: String) throws(RuleParseError) -> [RuleToken] {
        var tokens: [RuleToken] = []
        let characters = Array(source)
        var index = 0, line = 1, column = 1

        func advance() {
            if characters[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }

        while index < characters.count {
            let character = characters[index]
            let startLine = line, startColumn = column
            if character == "\n" {
                if tokens.last?.kind != .newline, !tokens.isEmpty { tokens.append(RuleToken(kind: .newline, text: "\n", line: line, column: column)) }
                advance()
            } else if character.isWhitespace {
                advance()
            } else if character == "#" {
                while index < characters.count, characters[index] != "\n" { advance() }
            } else if character == "\"" {
                advance()
                var value = ""
                while true {
                    guard index < characters.count, characters[index] != "\n" else {
                        throw RuleParseError(line: startLine, column: startColumn, message: "this text has no closing quote (\")")
                    }
                    if characters[index] == "\"" { advance(); break }
                    if characters[index] == "\\", index + 1 < characters.count, characters[index + 1] == "\"" { advance() }
                    value.append(characters[index])
                    advance()
                }
                tokens.append(RuleToken(kind: .string(value), text: value, line: startLine, column: startColumn))
            } else if character.isNumber, character.isASCII {
                var text = ""
                while index < characters.count, characters[index].isASCII,
                      characters[index].isNumber || ((characters[index] == "," || characters[index] == ".")
                        && index + 1 < characters.count && characters[index + 1].isASCII && characters[index + 1].isNumber) {
                    text.append(characters[index])
                    advance()
                }
                guard let number = Double(text.replacingOccurrences(of: ",", with: "")), number.isFinite else {
                    throw RuleParseError(line: startLine, column: startColumn, message: "'\(text)' is not a number")
                }
                tokens.append(RuleToken(kind: .number(number), text: text, line: startLine, column: startColumn))
            } else if character.isLetter || character == "_" {
                var text = ""
                while index < characters.count, characters[index].isLetter || characters[index].isNumber
                        || characters[index] == "_" || characters[index] == "-" {
                    text.append(characters[index])
                    advance()
                }
                tokens.append(RuleToken(kind: .word(text.lowercased()), text: text, line: startLine, column: startColumn))
            } else if ">=<".contains(character) {
                var text = String(character)
                advance()
                if index < characters.count, characters[index] == "=" { text += "="; advance() }
                guard text != "=" && text != "==" else {
                    throw RuleParseError(line: startLine, column: startColumn, message: "write 'is' instead of '\(text)'")
                }
                tokens.append(RuleToken(kind: .symbol(text), text: text, line: startLine, column: startColumn))
            } else if "(),:".contains(character) {
                tokens.append(RuleToken(kind: .symbol(String(character)), text: String(character), line: startLine, column: startColumn))
                advance()
            } else {
                throw RuleParseError(line: startLine, column: startColumn, message: "unexpected character '\(character.unicodeScalars.first.map { $0.isASCII && $0.value >= 32 ? String(character) : "U+" + String($0.value, radix: 16, uppercase: true) } ?? "?")'")
            }
        }
        if tokens.last?.kind == .newline { tokens.removeLast() }
        tokens.append(RuleToken(kind: .end, text: "", line: line, column: column))
        return tokens
    }
}

/// Why a rule did not parse, and where: "line 3, column 12: expected a stage name, found 'Demo Givn' (did you mean "Demo Given"?)".
public struct RuleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    /// The word the author probably meant, when one is close.
    public var suggestion: String?

    public init(line: Int, column: Int, message: String, suggestion: String? = nil) {
        self.line = line
        self.column = column
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        "line \(line), column \(column): \(message)" + (suggestion.map { " (did you mean \"\($0)\"?)" } ?? "")
    }
}
