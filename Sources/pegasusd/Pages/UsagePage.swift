import Foundation

/// Usage: the active workspace's requests per day over the last 30 days, by token and API key,
/// drawn on the server as SVG (no chart library), with the table behind it. The figures are
/// `GET /api/usage/`'s (``UsageReport/build(for:services:now:)``).
enum UsagePage {
    static func page(chrome: PageLayout.Chrome, report: UsageReport, rows: [UsageRow], names: [String: String], daysInMonth: Int) -> HTMLPage {
        let perCredentialDay = Dictionary(grouping: rows) { "\($0.day)|\($0.credentialID)" }
            .map { _, counted in (day: counted[0].day, id: counted[0].credentialID, kind: counted[0].kind, count: counted.reduce(0) { $0 + $1.count }) }
            .sorted { ($0.day, names[$0.id] ?? "", $0.id) > ($1.day, names[$1.id] ?? "", $1.id) }
        let tableRows = perCredentialDay.map { row -> String in
            """
            <tr class="usage-row"><td class="usage-date">\(row.day)</td><td class="usage-credential">\(HTML.escape(names[row.id] ?? "deleted"))</td>\
            <td class="usage-kind">\(row.kind)</td><td class="usage-count">\(row.count)</td></tr>
            """
        }.joined(separator: "\n")
        let main = """
            <h1>Usage</h1>
            <p id="usage-total">\(report.usedThisPeriod) \(report.usedThisPeriod == 1 ? "request" : "requests") this month of \(report.monthlyQuota) (\(HTML.escape(report.workspace.name))), by tokens and API keys.</p>
            <figure class="chart">
              \(chart(report: report, daysInMonth: daysInMonth))
              <figcaption>Requests per day over the last \(report.days.count) days. The dashed line is the daily average the monthly quota allows (\(dailyAverage(report, daysInMonth: daysInMonth)) a day); when it is far above the bars it is drawn at the top.</figcaption>
            </figure>
            <h2>By day, token and API key</h2>
            \(perCredentialDay.isEmpty ? #"<p id="usage-empty">No requests with tokens or API keys in the last 30 days.</p>"# : "")
            <div class="table-scroll">
              <table id="usage-table">
                <caption class="visually-hidden">Requests by day and credential</caption>
                <thead><tr><th scope="col">Day</th><th scope="col">Token or key</th><th scope="col">Kind</th><th scope="col">Requests</th></tr></thead>
                <tbody>\(tableRows)</tbody>
              </table>
            </div>
            """
        return PageLayout.app(page: "usage", title: "Usage", chrome: chrome, main: main)
    }

    /// The monthly quota spread over the month's days, rounded down.
    static func dailyAverage(_ report: UsageReport, daysInMonth: Int) -> Int {
        report.monthlyQuota / max(1, daysInMonth)
    }

    /// Bars of each day's requests on a 720 × 240 canvas, the quota's daily average as a dashed
    /// line, and the axis extremes as text. Scaled to the bars, so that a handful of requests
    /// stays visible; the quota line is drawn at the top when it is above that (its title says so).
    static func chart(report: UsageReport, daysInMonth: Int) -> String {
        let width = 720.0, height = 240.0, left = 48.0, bottom = 24.0, top = 12.0
        let dailyQuota = Double(dailyAverage(report, daysInMonth: daysInMonth))
        let busiest = Double(report.days.map(\.count).max() ?? 0)
        // The quota line joins the scale only when it is near the bars.
        let highest = max(1, busiest * 1.2, dailyQuota <= busiest * 2 ? dailyQuota : 0)
        let plotHeight = height - bottom - top, slot = (width - left) / Double(max(1, report.days.count))
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / highest) }
        let bars = report.days.enumerated().compactMap { index, day -> String? in
            guard day.count > 0 else { return nil }
            let x = left + Double(index) * slot + slot * 0.15, barTop = y(Double(day.count))
            return #"<rect class="usage-bar" data-date="\#(day.date)" data-count="\#(day.count)" x="\#(format(x))" y="\#(format(barTop))" width="\#(format(slot * 0.7))" height="\#(format(height - bottom - barTop))"><title>\#(day.date): \#(day.count) requests</title></rect>"#
        }.joined()
        let quotaY = format(y(min(dailyQuota, highest)))
        let first = report.days.first?.date ?? "", last = report.days.last?.date ?? ""
        return """
            <svg id="usage-chart" role="img" aria-labelledby="usage-chart-title" viewBox="0 0 \(format(width)) \(format(height))" preserveAspectRatio="none">
              <title id="usage-chart-title">Requests per day from \(first) to \(last); at most \(report.days.map(\.count).max() ?? 0) in a day</title>
              <line class="axis" x1="\(format(left))" y1="\(format(height - bottom))" x2="\(format(width))" y2="\(format(height - bottom))"/>
              <line class="axis" x1="\(format(left))" y1="\(format(top))" x2="\(format(left))" y2="\(format(height - bottom))"/>
              <text class="label" x="\(format(left - 6))" y="\(format(top + 10))" text-anchor="end">\(Int(highest.rounded()))</text>
              <text class="label" x="\(format(left - 6))" y="\(format(height - bottom))" text-anchor="end">0</text>
              <text class="label" x="\(format(left))" y="\(format(height - 6))">\(first)</text>
              <text class="label" x="\(format(width))" y="\(format(height - 6))" text-anchor="end">\(last)</text>
              \(bars)
              <line id="quota-line" x1="\(format(left))" y1="\(quotaY)" x2="\(format(width))" y2="\(quotaY)"><title>Daily average the monthly quota of \(report.monthlyQuota) allows: \(Int(dailyQuota)) a day\(dailyQuota > highest ? " (above this scale)" : "")</title></line>
            </svg>
            """
    }

    /// SVG coordinates with one decimal, in the C locale.
    private static func format(_ value: Double) -> String {
        String(Double(Int((value * 10).rounded())) / 10)
    }
}
