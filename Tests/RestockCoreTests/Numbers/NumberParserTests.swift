import Testing
@testable import RestockCore

@Suite struct NumberParserTests {
    @Test func acceptsTheContractForms() {
        let accepted: [(String, Double)] = [
            ("12", 12), ("-3", -3), ("+4", 4), ("2.5", 2.5), ("007", 7), ("0", 0),
            ("1e3", 1000), ("1E3", 1000), ("1.5e-2", 0.015), ("2.5E+2", 250), ("-0.125", -0.125),
            ("123456789012345", 123_456_789_012_345), ("0.1", 0.1), ("19.99", 19.99),
        ]
        for (text, value) in accepted {
            #expect(NumberParser.parse(text) == value, "\(text)")
        }
    }

    @Test func convertsLongNumbersExactly() {
        // More than 19 significant digits and large exponents take the slow, exact path;
        // the expected values are the correctly rounded doubles of the same literals.
        #expect(NumberParser.parse("3.14159265358979323846264338327950288") == 3.14159265358979323846264338327950288)
        #expect(NumberParser.parse("9007199254740993") == 9007199254740993.0)   // 2^53 + 1 rounds to even
        #expect(NumberParser.parse("1e300") == 1e300)
        #expect(NumberParser.parse("1.7976931348623157e308") == Double.greatestFiniteMagnitude)
        #expect(NumberParser.parse("4.9e-324") == Double.leastNonzeroMagnitude)
        #expect(NumberParser.parse("0.30000000000000004") == 0.30000000000000004)
        #expect(NumberParser.parse("00000000000000000000000000001.5") == 1.5)
    }

    @Test func underflowBecomesZero() {
        #expect(NumberParser.parse("1e-400") == 0)
    }

    @Test func refusesWhatTheContractRefuses() {
        let refused = ["", "1,5", "1,000", "1 000", "NaN", "nan", "inf", "-inf", "Infinity", "0x10",
                       ".5", "5.", "-.5", "1e", "1e+", "e3", "+", "-", "--1", "1.2.3", "1e3.5",
                       "12abc", "½", "١٢", " 1", "1 ", "$5", "5%", "1e400", "-1e400", "1_000"]
        for text in refused {
            #expect(NumberParser.parse(text) == nil, "\(text)")
        }
    }

    @Test func explainsWhyANumberIsRefused() {
        func reason(_ text: String) -> String? {
            if case .failure(let error) = NumberParser.parseResult(text) { return error.reason }
            return nil
        }
        #expect(reason("") == "the value is empty")
        #expect(reason("1,5") == "thousands separators and decimal commas are not allowed; write 1234.5")
        #expect(reason("1 000") == "a number cannot contain spaces")
        #expect(reason("NaN") == "NaN and infinity are not numbers here")
        #expect(reason("0x10") == "hexadecimal numbers are not allowed")
        #expect(reason(".5") == "a decimal point must have a digit before it; write 0.5")
        #expect(reason("5.") == "a decimal point must be followed by digits")
        #expect(reason("1e") == "an exponent must have digits")
        #expect(reason("1e400") == "the value is too large to be a finite number")
        #expect(reason("abc") == "expected a number such as 12, -3, 2.5 or 1e3")
        #expect(reason("2.5") == nil)
    }
}
