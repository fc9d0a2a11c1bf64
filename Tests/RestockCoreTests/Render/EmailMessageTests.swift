import Foundation
import Testing
@testable import RestockCore

@Suite struct EmailMessageTests {
    /// 2026-12-01T06:00:02Z: day 20788 (2026-12-01) x 86400 + 6 h + 2 s.
    static let date = Date(timeIntervalSince1970: Double(CivilDate.day(year: 2026, month: 12, day: 1)) * 86_400 + 6 * 3600 + 2)

    static let text = """
        Grüße from restock ✓
        .a line starting with a dot
        From the start of a line
        trailing spaces   
        a=b and =?UTF-8?B?x?= and --=_restock_mixed_ and --=_restock_alt_
        \(String(repeating: "long ", count: 40))end
        """

    /// Too long for one header line: sent as RFC 2231 continuations.
    static let longName = "recommendations-2026-11-30 für die Einkäufer der Gartenabteilung und der Küchenabteilung.csv"

    static let binary: [UInt8] = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 / 256) }

    static func sample(subject: String = "restock: 3 SKUs to act on, as of 2026-11-30 — Prüfung") throws -> [UInt8] {
        let model = SampleReport.model()
        return try EmailMessage.build(
            from: "restock@shop.example", to: ["buyer@shop.example", "ops.team+restock@shop.example"],
            subject: subject, date: date,
            html: EmailSummary.html(model), text: text,
            attachments: [
                .init(name: "report.html", contentType: "text/html; charset=utf-8", bytes: Array(HTMLReport.render(model).utf8)),
                .init(name: "résumé \"q\".bin", contentType: "application/octet-stream", bytes: binary),
                .init(name: longName, contentType: "text/csv", bytes: Array("sku,name\r\nA,\"x, y\"\r\n".utf8)),
            ])
    }

    @Test func writesRFC5322Dates() {
        #expect(EmailMessage.rfc5322Date(Self.date) == "Tue, 01 Dec 2026 06:00:02 +0000")
        #expect(EmailMessage.rfc5322Date(Self.date, utcOffsetMinutes: 60) == "Tue, 01 Dec 2026 07:00:02 +0100")
        // 06:00:02Z at -05:30 is 00:30:02 the same day; at -07:00 it is 23:00:02 the day before.
        #expect(EmailMessage.rfc5322Date(Self.date, utcOffsetMinutes: -330) == "Tue, 01 Dec 2026 00:30:02 -0530")
        #expect(EmailMessage.rfc5322Date(Self.date, utcOffsetMinutes: -420) == "Mon, 30 Nov 2026 23:00:02 -0700")
        #expect(EmailMessage.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func encodesBase64AsRFC4648TestVectors() {
        for (plain, encoded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
                                 ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
            #expect(EmailMessage.base64(Array(plain.utf8)) == encoded)
        }
        // 60 bytes -> 80 characters -> a line of 76 and one of 4.
        let lines = EmailMessage.base64Lines([UInt8](repeating: 0, count: 60)).components(separatedBy: "\r\n")
        #expect(lines.map(\.count) == [76, 4, 0])
    }

    @Test func encodesQuotedPrintable() {
        #expect(EmailMessage.quotedPrintable("a=b") == "a=3Db")
        #expect(EmailMessage.quotedPrintable("é") == "=C3=A9")
        #expect(EmailMessage.quotedPrintable("x \ny\t") == "x=20\r\ny=09")
        #expect(EmailMessage.quotedPrintable("one\r\ntwo\rthree") == "one\r\ntwo\r\nthree")
        #expect(EmailMessage.quotedPrintable(".\nFrom me\nFromage") == "=2E\r\n=46rom me\r\nFromage")
        // 100 letters: 75 and a soft break "=" (76 characters), then 25.
        #expect(EmailMessage.quotedPrintable(String(repeating: "a", count: 100))
                == String(repeating: "a", count: 75) + "=\r\n" + String(repeating: "a", count: 25))
        // A soft break never cuts an =XX: 74 letters then "é" (=C3=A9) breaks before =C3.
        #expect(EmailMessage.quotedPrintable(String(repeating: "a", count: 74) + "é")
                == String(repeating: "a", count: 74) + "=\r\n=C3=A9")
    }

    @Test func encodesANonASCIISubjectAsEncodedWords() {
        #expect(EmailMessage.encodeSubject("Prüfung") == "Subject: =?UTF-8?B?UHLDvGZ1bmc=?=\r\n")
        #expect(EmailMessage.encodeSubject("plain words") == "Subject: plain words\r\n")
        // "=?" in an ASCII subject would read as an encoded word: it is encoded instead.
        #expect(EmailMessage.encodeSubject("a =?b").hasPrefix("Subject: =?UTF-8?B?"))
    }

    @Test func endsEveryLineInCRLFAndKeepsLinesShort() throws {
        let message = try Self.sample()
        let lines = String(decoding: message, as: UTF8.self).components(separatedBy: "\r\n")
        #expect(lines.last == "")
        for line in lines {
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(line.utf8.count <= 78, "\(line)")
        }
        #expect(message.allSatisfy { $0 < 0x80 }, "7-bit clean")
    }

    @Test func derivesTheMessageIDFromTheInputs() throws {
        let a = try Self.sample(), b = try Self.sample(), c = try Self.sample(subject: "other")
        #expect(a == b)
        func messageID(_ m: [UInt8]) -> String? {
            String(decoding: m, as: UTF8.self).components(separatedBy: "\r\n").first { $0.hasPrefix("Message-ID: ") }
        }
        #expect(messageID(a) != nil)
        #expect(messageID(a) != messageID(c))
        #expect(messageID(a)!.hasSuffix(".restock@shop.example>"))
    }

    @Test func splitsALongFileNameIntoRFC2231Continuations() {
        let plain = EmailMessage.parameter("filename", String(repeating: "a", count: 100) + ".csv")
        // filename*0="" takes 13 characters, leaving 70 - 13 = 57 letters; filename*1="..." the other 43 and ".csv".
        #expect(plain == ["filename*0=\"" + String(repeating: "a", count: 57) + "\"",
                          "filename*1=\"" + String(repeating: "a", count: 43) + ".csv\""])
        #expect(EmailMessage.parameter("name", "ü.csv") == ["name*=UTF-8''%C3%BC.csv"])
        #expect(EmailMessage.parameter("name", "a \"b\"") == ["name*=UTF-8''a%20%22b%22"])
    }

    @Test func refusesHeaderInjection() {
        let attempts: [(String, [String], String, String)] = [
            ("a@b.example", ["c@d.example"], "Hi\r\nBcc: victim@evil.example", "x.csv"),
            ("a@b.example", ["c@d.example\nBcc: victim@evil.example"], "Hi", "x.csv"),
            ("a@b.example\r", ["c@d.example"], "Hi", "x.csv"),
            ("a@b.example", ["c@d.example"], "Hi", "x.csv\r\nContent-Type: text/html"),
        ]
        for (from, to, subject, name) in attempts {
            #expect(throws: EmailError.self) {
                try EmailMessage.build(from: from, to: to, subject: subject, date: Self.date, html: "", text: "",
                                       attachments: [.init(name: name, contentType: "text/csv", bytes: [])])
            }
        }
    }

    @Test func refusesInvalidAddressesAndAnEmptyRecipientList() {
        for bad in ["", "a", "a@", "@b", "a b@c", "<a@b>", "\"a\"@b", "a@b..c", ".a@b", "a.@b", "a@-b", "ä@b", "a@b,c@d", "Name <a@b>"] {
            #expect(!EmailMessage.isAddress(bad), "\(bad)")
            #expect(throws: EmailError.self) {
                try EmailMessage.build(from: "restock@localhost", to: [bad], subject: "s", date: Self.date, html: "", text: "")
            }
        }
        for good in ["restock@localhost", "ops.team+restock@shop.example", "o'brien@x-y.example"] {
            #expect(EmailMessage.isAddress(good), "\(good)")
        }
        #expect(throws: EmailError.self) {
            try EmailMessage.build(from: "restock@localhost", to: [], subject: "s", date: Self.date, html: "", text: "")
        }
        #expect(throws: EmailError.self) {
            try EmailMessage.build(from: "restock@localhost", to: ["a@b"], subject: "s", date: Self.date, html: "", text: "",
                                   attachments: [.init(name: "x", contentType: "text", bytes: [])])
        }
    }

    struct Parsed: Decodable {
        struct Attachment: Decodable { var name: String; var type: String; var hex: String }
        var from: String, to: String, subject: String, date: String, message_id: String, mime_version: String
        var structure: [String], defects: [String], plain: String, html: String, attachments: [Attachment]
    }

    static let parse = """
        import sys, json, email, email.policy
        with open(sys.argv[1], "rb") as fh:
            msg = email.message_from_binary_file(fh, policy=email.policy.default)
        atts = [{"name": a.get_filename(), "type": a.get_content_type(), "hex": a.get_payload(decode=True).hex()}
                for a in msg.iter_attachments()]
        print(json.dumps({
            "from": str(msg["From"]), "to": str(msg["To"]), "subject": str(msg["Subject"]),
            "date": msg["Date"].datetime.isoformat(), "message_id": str(msg["Message-ID"]),
            "mime_version": str(msg["MIME-Version"]),
            "structure": [p.get_content_type() for p in msg.walk()],
            "defects": [type(d).__name__ for p in msg.walk() for d in p.defects],
            "plain": msg.get_body(preferencelist=("plain",)).get_content(),
            "html": msg.get_body(preferencelist=("html",)).get_content(),
            "attachments": atts}))
        """

    @Test(.enabled(if: RenderPython.isAvailable, "needs python3 on PATH"))
    func pythonsEmailPackageReadsHeadersBothAlternativesAndAttachments() throws {
        let message = try Self.sample()
        let file = try RenderPython.temporaryFile(message, suffix: ".eml")
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try RenderPython.run(Self.parse, [file.path])
        let p = try JSONDecoder().decode(Parsed.self, from: Data(json.utf8))

        #expect(p.defects == [])
        #expect(p.from == "restock@shop.example")
        #expect(p.to == "buyer@shop.example, ops.team+restock@shop.example")
        #expect(p.subject == "restock: 3 SKUs to act on, as of 2026-11-30 — Prüfung")
        #expect(p.date == "2026-12-01T06:00:02+00:00")
        #expect(p.message_id.hasPrefix("<") && p.message_id.hasSuffix("@shop.example>"))
        #expect(p.mime_version == "1.0")
        #expect(p.structure == ["multipart/mixed", "multipart/alternative", "text/plain", "text/html",
                                "text/html", "application/octet-stream", "text/csv"])
        // Python gives the text with "\n" line ends; the message carried CRLF.
        #expect(p.plain == Self.text)
        #expect(p.html == EmailSummary.html(SampleReport.model()))
        #expect(p.attachments.map(\.name) == ["report.html", "résumé \"q\".bin", Self.longName])
        #expect(p.attachments.map(\.type) == ["text/html", "application/octet-stream", "text/csv"])
        #expect(p.attachments.first?.hex == Self.hex(Array(HTMLReport.render(SampleReport.model()).utf8)))
        #expect(p.attachments.dropFirst().first?.hex == Self.hex(Self.binary))
        #expect(p.attachments.last?.hex == Self.hex(Array("sku,name\r\nA,\"x, y\"\r\n".utf8)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes { s.append(digits[Int(b >> 4)]); s.append(digits[Int(b & 15)]) }
        return s
    }
}
