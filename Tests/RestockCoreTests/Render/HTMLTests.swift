import Testing
@testable import RestockCore

@Suite struct HTMLTests {
    @Test func escapesAllFiveSpecialCharactersOfAnInterpolatedString() {
        let value = "a & b < c > d \"e\" 'f'"
        let html: HTML = "<p>\(value)</p>"
        #expect(html.rendered == "<p>a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;</p>")
    }

    @Test func keepsLiteralMarkupVerbatim() {
        let html: HTML = "<a href=\"#top\" class='x'>&amp;</a>"
        #expect(html.rendered == "<a href=\"#top\" class='x'>&amp;</a>")
    }

    @Test func insertsNestedHTMLAsIsAndEscapesItsValuesOnce() {
        let inner: HTML = "<b>\("x<y")</b>"
        let outer: HTML = "<td>\(inner)</td>"
        #expect(outer.rendered == "<td><b>x&lt;y</b></td>")
    }

    @Test func escapesAValueInsideAnAttribute() {
        let sku = "\" onmouseover=\"alert(1)"
        let html: HTML = "<td title=\"\(sku)\">x</td>"
        #expect(html.rendered == "<td title=\"&quot; onmouseover=&quot;alert(1)\">x</td>")
    }

    @Test func writesNumbersThroughTheSamePath() {
        let html: HTML = "<td>\(42)</td><td>\(Int64(-7))</td><td>\(2.5)</td>"
        #expect(html.rendered == "<td>42</td><td>-7</td><td>2.5</td>")
    }

    @Test func joinsFragmentsAndArrays() {
        let parts: [HTML] = ["<li>\("a&b")</li>", "<li>c</li>"]
        #expect(HTML.join(parts, separator: "\n").rendered == "<li>a&amp;b</li>\n<li>c</li>")
        let list: HTML = "<ul>\(parts)</ul>"
        #expect(list.rendered == "<ul><li>a&amp;b</li><li>c</li></ul>")
    }

    @Test func replacesCharactersXMLForbidsAndKeepsTabsAndNewlines() {
        // U+0001 and U+FFFF are not XML 1.0 characters; tab, LF and CR are.
        #expect(HTML.escape("a\u{1}b\u{FFFF}c\td\ne") == "a\u{FFFD}b\u{FFFD}c\td\ne")
    }

    @Test func leavesOtherUnicodeAlone() {
        #expect(HTML(text: "Ünïcödé ✓ — 日本").rendered == "Ünïcödé ✓ — 日本")
    }

    @Test func showsInvisibleAndDirectionCharactersAsTheirCodes() {
        // "AB" with a right-to-left override, a zero-width space and a line separator in it:
        // three SKUs that look like "AB" (or "BA") on screen, each shown for what it is.
        #expect(HTML.escape("A\u{202E}B") == "A⟨U+202E⟩B")
        #expect(HTML.escape("A\u{200B}B") == "A⟨U+200B⟩B")
        #expect(HTML.escape("A\u{2028}B") == "A⟨U+2028⟩B")
        #expect(HTML.escape("\u{FEFF}A\u{AD}") == "⟨U+FEFF⟩A⟨U+00AD⟩")
        let cell: HTML = "<td title=\"\("A\u{2066}B")\">x</td>"
        #expect(cell.rendered == "<td title=\"A⟨U+2066⟩B\">x</td>")
    }

    @Test func keepsTheJoinersAndMarksThatShapeWriting() {
        // A family emoji (joined by U+200D), Persian with a zero-width non-joiner, and a
        // left-to-right mark: written as they are.
        let text = "👨\u{200D}👩 می\u{200C}خواهم \u{200E}x"
        #expect(HTML.escape(text) == text)
    }
}
