@testable import Site
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("2026-10-12", Day(year: 2026, month: 10, day: 12)),
        ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
        ("2000-02-29", Day(year: 2000, month: 2, day: 29)),
        ("2026-10-12T08:30:00Z", Day(year: 2026, month: 10, day: 12)),
        ("2026-10-12 08:30", Day(year: 2026, month: 10, day: 12)),
        (" 2026-01-31", Day(year: 2026, month: 1, day: 31)),
    ])
    func parsesADay(text: String, day: Day) {
        #expect(Day(text) == day)
        #expect(Day(text)?.description == day.description)
    }

    @Test(arguments: ["", "2026", "2026-1-12", "2026-13-01", "2026-00-10", "2026-02-29", "1900-02-29",
                      "2026-04-31", "2026-10-00", "26-10-12", "+202-10-12", "2026-10-1x", "2026/10/12",
                      "2026-10-123", "２０２６-10-12", "2026-10-12x"])
    func refusesWhatIsNotADay(text: String) {
        #expect(Day(text) == nil)
    }
}
