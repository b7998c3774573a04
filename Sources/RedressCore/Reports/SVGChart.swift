/// Charts as inline SVG, so a report is one self-contained HTML file that needs no network and
/// no script. Each chart carries a title and a text equivalent (`aria-label`, and the values
/// written on the bars) for screen readers and printing.
public enum SVGChart {
    /// One series of a grouped bar chart: a name for the legend, a colour, and one value per
    /// group with the text written above its bar.
    public struct Series: Sendable {
        public let name: String
        public let color: String
        public let values: [Double]
        public let labels: [String]

        public init(name: String, color: String, values: [Double], labels: [String]) {
            self.name = name
            self.color = color
            self.values = values
            self.labels = labels
        }
    }

    /// Vertical bars, one cluster per group (a month, a quarter), one bar per series.
    /// `maximum` fixes the scale (100 for percentages); by default the largest value, rounded up
    /// to four round steps (whole-number steps for counts).
    public static func groupedBars(title: String, groups: [String], series: [Series], maximum: Double? = nil,
                                   wholeNumbers: Bool = false, width: Int = 760, height: Int = 280) -> String {
        let left = 44, right = 12, top = 36, bottom = 46
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let largest = maximum ?? max(series.flatMap(\.values).max() ?? 0, 1)
        var step = niceCeiling(largest / 4)
        if wholeNumbers { step = max(1, step.rounded(.up)) }
        let scale = step * 4
        var svg = open(title: title, width: width, height: height)
        // Grid lines and the value axis: five steps.
        for step in 0...4 {
            let value = scale * Double(step) / 4
            let y = top + plotHeight - Int(Double(plotHeight) * Double(step) / 4)
            svg += "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - right)\" y2=\"\(y)\" stroke=\"#d9d9d9\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#555\">\(axisLabel(value))</text>"
        }
        let groupWidth = Double(plotWidth) / Double(max(groups.count, 1))
        let barWidth = max(2, (groupWidth * 0.8) / Double(max(series.count, 1)))
        for (groupIndex, group) in groups.enumerated() {
            let groupLeft = Double(left) + groupWidth * Double(groupIndex) + groupWidth * 0.1
            for (seriesIndex, one) in series.enumerated() where groupIndex < one.values.count {
                let value = one.values[groupIndex]
                let barHeight = scale > 0 ? Double(plotHeight) * value / scale : 0
                let x = groupLeft + barWidth * Double(seriesIndex)
                let y = Double(top + plotHeight) - barHeight
                svg += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth - 1))\" height=\"\(format(barHeight))\" fill=\"\(one.color)\">"
                svg += "<title>\(HTML.escape("\(group), \(one.name): \(one.labels[groupIndex])"))</title></rect>"
                if groupIndex < one.labels.count, !one.labels[groupIndex].isEmpty {
                    svg += "<text x=\"\(format(x + barWidth / 2))\" y=\"\(format(y - 3))\" text-anchor=\"middle\" font-size=\"10\" fill=\"#222\">"
                        + HTML.escape(one.labels[groupIndex]) + "</text>"
                }
            }
            svg += "<text x=\"\(format(groupLeft + groupWidth * 0.4))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">"
                + HTML.escape(group) + "</text>"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(width - right)\" y2=\"\(top + plotHeight)\" stroke=\"#333\" stroke-width=\"1\"/>"
        // The legend, along the bottom.
        var legendX = left
        for one in series {
            svg += "<rect x=\"\(legendX)\" y=\"\(height - 18)\" width=\"12\" height=\"12\" fill=\"\(one.color)\"/>"
            svg += "<text x=\"\(legendX + 16)\" y=\"\(height - 8)\" font-size=\"12\" fill=\"#222\">\(HTML.escape(one.name))</text>"
            legendX += 24 + one.name.count * 7
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one per item, longest first as given, with its text at the end.
    public static func horizontalBars(title: String, items: [(label: String, value: Double, text: String)], color: String,
                                      width: Int = 760) -> String {
        let rowHeight = 24, top = 36, labelWidth = 220, right = 90
        let height = top + rowHeight * max(items.count, 1) + 12
        let largest = max(items.map(\.value).max() ?? 0, 1)
        var svg = open(title: title, width: width, height: height)
        if items.isEmpty {
            svg += "<text x=\"12\" y=\"\(top + 16)\" font-size=\"12\" fill=\"#555\">None in the year.</text>"
        }
        for (index, item) in items.enumerated() {
            let y = top + rowHeight * index
            let barWidth = Double(width - labelWidth - right) * item.value / largest
            svg += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 16)\" text-anchor=\"end\" font-size=\"12\" fill=\"#222\">\(HTML.escape(item.label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(format(barWidth))\" height=\"\(rowHeight - 8)\" fill=\"\(color)\">"
            svg += "<title>\(HTML.escape("\(item.label): \(item.text)"))</title></rect>"
            svg += "<text x=\"\(format(Double(labelWidth) + barWidth + 6))\" y=\"\(y + 16)\" font-size=\"12\" fill=\"#222\">\(HTML.escape(item.text))</text>"
        }
        return svg + "</svg>"
    }

    static func open(title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" role=\"img\" "
            + "aria-label=\"\(HTML.escape(title))\" font-family=\"Helvetica, Arial, sans-serif\">"
            + "<text x=\"0\" y=\"18\" font-size=\"15\" font-weight=\"bold\" fill=\"#111\">\(HTML.escape(title))</text>"
    }

    /// 1, 2, 2.5, 5 or 10 times a power of ten, at least `value`: a scale with round steps.
    static func niceCeiling(_ value: Double) -> Double {
        guard value > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= value { power *= 10 }
        while power > value { power /= 10 }
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= value { return step * power }
        return 10 * power
    }

    static func axisLabel(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : format(value)
    }

    /// One decimal place at most.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

/// HTML text escaping.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
