import Foundation

/// Why an e-mail message could not be built: a header value that would inject headers, or
/// an address that is not a plain `local@domain`.
public struct EmailError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `email.eml` (README, "Sending the report by e-mail"): an Internet message ready for
/// `sendmail -t`.
///
/// The shape, per RFC 5322 (message format), RFC 2045/2046 (MIME bodies) and RFC 2047
/// (non-ASCII subjects):
///
/// ```
/// From, To, Subject, Date, Message-ID, MIME-Version
/// multipart/mixed
///   multipart/alternative
///     text/plain; charset=utf-8   quoted-printable
///     text/html; charset=utf-8    quoted-printable
///   attachment 1 ... n            base64, 76 columns
/// ```
///
/// Lines end in CRLF and are at most 78 characters (headers folded, bodies encoded). The
/// output depends only on the inputs: the Message-ID and the boundaries are hashes of them.
/// Boundaries begin `=_`, which neither quoted-printable (where `=` is followed by two hex
/// digits or a line break) nor base64 can produce, so no body line can match one
/// (RFC 2045 §6.7 note). Quoted-printable also encodes a `.` or `From ` at the start of a
/// line, so `sendmail` without `-i` and mbox files leave the text alone.
public enum EmailMessage {
    /// A file attached to the message.
    public struct Attachment: Sendable, Hashable {
        /// The file name the reader sees, e.g. `report.html`; any Unicode, no line breaks.
        public var name: String
        /// The MIME type, e.g. `text/html` or `text/csv; charset=utf-8`.
        public var contentType: String
        public var bytes: [UInt8]

        public init(name: String, contentType: String, bytes: [UInt8]) {
            self.name = name
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    /// The whole message as bytes.
    ///
    /// - Parameters:
    ///   - from: the sender, a plain address `local@domain`.
    ///   - to: one or more recipients, plain addresses.
    ///   - subject: any text without line breaks; encoded per RFC 2047 when not plain ASCII.
    ///   - date: the message's date, written in RFC 5322 form at `utcOffsetMinutes`
    ///     (-1439...1439; default UTC), e.g. `Tue, 01 Dec 2026 06:00:02 +0000`.
    ///   - html, text: the two alternatives of the body (HTML preferred by readers).
    /// - Throws: `EmailError` for a line break or control character in any header value, an
    ///   invalid address, no recipient, or a malformed attachment content type.
    public static func build(from: String, to: [String], subject: String, date: Date, utcOffsetMinutes: Int = 0,
                             html: String, text: String, attachments: [Attachment] = []) throws(EmailError) -> [UInt8] {
        try check(from: from, to: to, subject: subject, utcOffsetMinutes: utcOffsetMinutes, attachments: attachments)

        // Everything that makes the message, hashed for the Message-ID and the boundaries.
        var hasher = Fingerprint()
        hasher.add(from); to.forEach { hasher.add($0) }; hasher.add(subject)
        hasher.add(String(Int64(date.timeIntervalSince1970.rounded(.down)))); hasher.add(String(utcOffsetMinutes))
        hasher.add(html); hasher.add(text)
        for a in attachments { hasher.add(a.name); hasher.add(a.contentType); hasher.add(a.bytes) }
        let digest = hasher.hex
        let domain = from.split(separator: "@").last.map(String.init) ?? "localhost"
        let mixed = "=_restock_mixed_\(digest.prefix(16))"
        let alternative = "=_restock_alt_\(digest.prefix(16))"

        var out = ""
        out += "From: \(from)\r\n"
        out += fold(field: "To", words: to.enumerated().map { $0.offset < to.count - 1 ? $0.element + "," : $0.element })
        out += encodeSubject(subject)
        out += "Date: \(rfc5322Date(date, utcOffsetMinutes: utcOffsetMinutes))\r\n"
        out += "Message-ID: <\(digest).restock@\(domain)>\r\n"
        out += "MIME-Version: 1.0\r\n"
        out += "Content-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n"
        out += "\r\n"
        out += "This is a message in MIME format.\r\n"
        out += "\r\n--\(mixed)\r\n"
        out += "Content-Type: multipart/alternative; boundary=\"\(alternative)\"\r\n"
        out += "\r\n"
        out += "--\(alternative)\r\n"
        out += "Content-Type: text/plain; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        out += quotedPrintable(text)
        out += "\r\n--\(alternative)\r\n"
        out += "Content-Type: text/html; charset=utf-8\r\n"
        out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
        out += quotedPrintable(html)
        out += "\r\n--\(alternative)--\r\n"
        for a in attachments {
            out += "\r\n--\(mixed)\r\n"
            out += "Content-Type: \(a.contentType);\r\n " + parameter("name", a.name).joined(separator: ";\r\n ") + "\r\n"
            out += "Content-Disposition: attachment;\r\n " + parameter("filename", a.name).joined(separator: ";\r\n ") + "\r\n"
            out += "Content-Transfer-Encoding: base64\r\n\r\n"
            out += base64Lines(a.bytes)
        }
        out += "\r\n--\(mixed)--\r\n"
        return Array(out.utf8)
    }

    /// The checks of `build`: no line break or control character in a header value, plain
    /// addresses, at least one recipient, an offset within a day, attachment types `type/subtype`.
    private static func check(from: String, to: [String], subject: String, utcOffsetMinutes: Int,
                              attachments: [Attachment]) throws(EmailError) {
        try refuseBreaks(from, field: "From")
        try refuseBreaks(subject, field: "Subject")
        for address in to { try refuseBreaks(address, field: "To") }
        guard isAddress(from) else { throw EmailError("from: '\(from)' is not an e-mail address (expected name@domain)") }
        guard !to.isEmpty else { throw EmailError("to: no recipient") }
        for address in to where !isAddress(address) {
            throw EmailError("to: '\(address)' is not an e-mail address (expected name@domain)")
        }
        guard (-1439...1439).contains(utcOffsetMinutes) else { throw EmailError("date: utc offset \(utcOffsetMinutes) minutes is out of range") }
        for a in attachments {
            try refuseBreaks(a.name, field: "attachment name")
            try refuseBreaks(a.contentType, field: "attachment content type")
            guard isContentType(a.contentType) else {
                throw EmailError("attachment '\(a.name)': '\(a.contentType)' is not a MIME type (expected type/subtype)")
            }
        }
    }

    // MARK: Headers

    /// Throws when a header value holds CR, LF or another control character (header injection).
    public static func refuseBreaks(_ value: String, field: String) throws(EmailError) {
        if value.unicodeScalars.contains(where: isBreakOrControl) {
            throw EmailError("\(field.lowercased()): header values may not contain line breaks or control characters (refused: \(value.debugDescription))")
        }
    }

    /// A control character (C0, DEL and C1: U+0000-U+001F, U+007F-U+009F, among them NEL, U+0085,
    /// a line break of its own) or a line or paragraph separator (U+2028, U+2029): what a header
    /// value may not hold, whatever the encoding the header gets.
    static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Whether `s` is a plain address `local@domain` (RFC 5322 dot-atom on both sides, ASCII):
    /// local part of letters, digits and ``!#$%&'*+/=?^_`{|}~-``, domain of letter-digit-hyphen
    /// labels; dots only between characters. No display names, quotes or comments.
    public static func isAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count <= 64, parts[1].utf8.count <= 255 else { return false }
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
        let local = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard local.allSatisfy({ !$0.isEmpty && $0.allSatisfy { atext.contains($0) } }) else { return false }
        let labelChars = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy { labelChars.contains($0) }
                && label.first != "-" && label.last != "-"
        }
    }

    /// `type/subtype` (RFC 2045 tokens), optionally followed by `; parameters` in printable ASCII.
    static func isContentType(_ s: String) -> Bool {
        let main = s.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)
        let typeParts = main[0].trimmingCharacters(in: .whitespaces).split(separator: "/", omittingEmptySubsequences: false)
        let tspecials = Set("()<>@,;:\\\"/[]?= ")
        let isToken: (Substring) -> Bool = { t in
            !t.isEmpty && t.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !tspecials.contains(Character($0)) }
        }
        guard typeParts.count == 2, isToken(typeParts[0]), isToken(typeParts[1]) else { return false }
        return main.count == 1 || main[1].unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
    }

    /// `Field: word word ...` folded before a word that would take the line past 78 characters.
    static func fold(field: String, words: [String]) -> String {
        var out = "\(field):"
        var lineLength = out.count
        for word in words {
            if lineLength + 1 + word.count > 78 && lineLength > field.count + 1 {
                out += "\r\n"
                lineLength = 0
            }
            out += " " + word
            lineLength += 1 + word.count
        }
        return out + "\r\n"
    }

    /// The Subject header: plain and folded at spaces when it is printable ASCII without
    /// `=?` (which a reader would take for an encoded word); otherwise RFC 2047 encoded words
    /// `=?UTF-8?B?...?=` of at most 42 bytes of whole characters each (68 characters a word,
    /// so every line stays within 78), one word per folded line.
    static func encodeSubject(_ subject: String) -> String {
        let plain = subject.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
            && !subject.contains("=?") && !subject.split(separator: " ").contains { $0.count > 68 }
        if plain {
            return fold(field: "Subject", words: subject.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in subject {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 42 && !chunk.isEmpty {
                words.append("=?UTF-8?B?\(base64(chunk))?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(base64(chunk))?=") }
        return "Subject: " + words.joined(separator: "\r\n ") + "\r\n"
    }

    /// A MIME parameter, as one or more segments for folded header lines: `name="value"`
    /// when the value is printable ASCII without `"` and backslash, else RFC 2231
    /// `name*=UTF-8''percent-encoded`; a value too long for one line is split into RFC 2231
    /// continuations (`name*0=`, `name*1=`, ... or `name*0*=`, ...), each segment at most
    /// 70 characters, never cutting a `%XX`.
    static func parameter(_ name: String, _ value: String) -> [String] {
        let simple = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }
        var pieces: [String] = []   // units that may not be split
        if simple {
            pieces = value.map { String($0) }
        } else {
            let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
            for byte in value.utf8 {
                pieces.append(unreserved.contains(byte) ? String(UnicodeScalar(byte)) : "%" + hex2(byte))
            }
        }
        func segment(_ index: Int?, _ body: String) -> String {
            let star = index.map { "*\($0)" } ?? ""
            if simple { return "\(name)\(star)=\"\(body)\"" }
            return index == nil || index == 0 ? "\(name)\(star)*=UTF-8''\(body)" : "\(name)\(star)*=\(body)"
        }
        let whole = pieces.joined()
        if segment(nil, whole).count <= 70 { return [segment(nil, whole)] }
        var segments: [String] = []
        var body = ""
        for piece in pieces {
            if segment(segments.count, body + piece).count > 70 && !body.isEmpty {
                segments.append(segment(segments.count, body))
                body = ""
            }
            body += piece
        }
        segments.append(segment(segments.count, body))
        return segments
    }

    /// RFC 5322 §3.3 date-time: `Tue, 01 Dec 2026 06:00:02 +0100` for the instant `date`
    /// seen at `utcOffsetMinutes` east of UTC.
    public static func rfc5322Date(_ date: Date, utcOffsetMinutes: Int = 0) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Int64(utcOffsetMinutes) * 60
        let dayNumber = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondOfDay = Int(seconds - Int64(dayNumber) * 86_400)
        let civil = CivilDate.civil(dayNumber)
        // 1970-01-01 (day 0) was a Thursday.
        let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][((dayNumber % 7) + 7) % 7]
        let month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][civil.month - 1]
        let sign = utcOffsetMinutes < 0 ? "-" : "+"
        let offset = abs(utcOffsetMinutes)
        return "\(weekday), \(pad(civil.day)) \(month) \(civil.year) \(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60)) \(sign)\(pad(offset / 60))\(pad(offset % 60))"
    }

    // MARK: Body encodings

    /// Quoted-printable (RFC 2045 §6.7) of UTF-8 text. Line breaks (LF, CRLF or CR) become
    /// CRLF hard breaks; bytes outside printable ASCII, `=`, and a space or tab at a line's
    /// end become `=XX`; encoded lines are at most 76 characters, split by soft breaks
    /// (`=` CRLF) that never cut an `=XX`. A `.` or the `F` of `From ` at the start of an
    /// encoded line is also written `=2E` / `=46`.
    static func quotedPrintable(_ text: String) -> String {
        var lines: [[UInt8]] = [[]]
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0A {
                if !previousCR { lines.append([]) }
                previousCR = false
            } else if byte == 0x0D {
                lines.append([])
                previousCR = true
            } else {
                lines[lines.count - 1].append(byte)
                previousCR = false
            }
        }
        var out = ""
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "\r\n" }
            var physical = 0
            for (i, byte) in line.enumerated() {
                let atStart = physical == 0
                let last = i == line.count - 1
                var token: String
                switch byte {
                case 0x2E where atStart:
                    token = "=2E"
                case 0x46 where atStart && line[i...].starts(with: Array("From ".utf8)):
                    token = "=46"
                case 0x20, 0x09:
                    token = last ? "=" + hex2(byte) : String(UnicodeScalar(byte))
                case 0x21...0x7E where byte != 0x3D:
                    token = String(UnicodeScalar(byte))
                default:
                    token = "=" + hex2(byte)
                }
                // Room for a soft break "=" unless this is the line's last token.
                let limit = last ? 76 : 75
                if physical + token.count > limit {
                    out += "=\r\n"
                    physical = 0
                    if byte == 0x2E { token = "=2E" }
                    if byte == 0x46 && line[i...].starts(with: Array("From ".utf8)) { token = "=46" }
                }
                out += token
                physical += token.count
            }
        }
        return out
    }

    /// Base64 (RFC 4648 §4) of `bytes`, one string, no line breaks.
    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 0x3D, 0x3D]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 0x3D]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters, each ending in CRLF (RFC 2045 §6.8).
    static func base64Lines(_ bytes: [UInt8]) -> String {
        let encoded = Array(base64(bytes).utf8)
        var out = ""
        out.reserveCapacity(encoded.count + encoded.count / 38 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + 76, encoded.count)
            out += String(decoding: encoded[start..<end], as: UTF8.self) + "\r\n"
            start = end
        }
        return out
    }

    private static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    private static func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// A 128-bit fingerprint of the inputs: two FNV-1a 64-bit hashes (Fowler, Noll, Vo) with
    /// different offset bases, each field followed by its length so that fields cannot run
    /// together. Not cryptographic: it only has to be stable and spread.
    struct Fingerprint {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x6C62_272E_07BB_0142

        mutating func add(_ s: String) { add(Array(s.utf8)) }

        mutating func add(_ bytes: [UInt8]) {
            for byte in bytes { mix(byte) }
            var n = UInt64(bytes.count)
            for _ in 0..<8 { mix(UInt8(n & 0xFF)); n >>= 8 }
        }

        private mutating func mix(_ byte: UInt8) {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01B3
            b = (b ^ UInt64(byte ^ 0x5A)) &* 0x100_0000_01B3
        }

        var hex: String {
            func h(_ v: UInt64) -> String {
                let s = String(v, radix: 16)
                return String(repeating: "0", count: 16 - s.count) + s
            }
            return h(a) + h(b)
        }
    }
}
