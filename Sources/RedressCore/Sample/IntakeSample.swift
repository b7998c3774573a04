import RedressCalendar

/// A synthetic intake CSV, the input of `redress import`, for tests and benchmarks.
///
/// The same (contacts, seed, from, to) gives byte-identical output on every machine: the generator
/// draws from its own SplitMix64 stream and uses integer arithmetic only. Rows are streamed to the
/// caller in chunks of about 64 KB, each ending at a row boundary, so a million rows never sit in
/// memory at once.
///
/// Shares (of all rows unless said otherwise):
/// - channel: email 35%, phone 25%, web 15%, letter 8%, in_person 5%, social_media 5%, text 4%,
///   mp_or_councillor 3%. Phone, letter, in person and MP/councillor contacts arrive on weekdays
///   only; email, web, social media and text also at weekends, so that a weekend day gets about a
///   third of a weekday's contacts overall.
/// - kind (through the flags): service_request 12% (of those, dissatisfied 30%), compliment 3%,
///   enquiry 5%, the rest complaints; asked_for_complaint 5%, legal_proceedings 1.5%,
///   previously_considered 2%, safeguarding 2%, anonymous 1%.
/// - event_date: empty 10%; more than 12 months before received 7%; 61–364 days before 8%; else
///   0–60 days before, mostly recent. aware_date: 3%, after event_date and no later than received.
/// - complainant: one of about contacts/3 residents (so residents recur), with a name from fixed
///   lists, an `example.org` address holding the resident's number (empty in about 10% of rows;
///   always present for email contacts), and a number from Ofcom's drama range 07700 900000–900999
///   (empty in about 30%; always present for phone and text contacts). Anonymous rows have none.
public struct IntakeSample: Sendable {
    /// The columns, in order.
    public static let columns = [
        "received", "channel", "category", "summary", "event_date", "aware_date",
        "complainant", "complainant_email", "complainant_phone",
        "service_request", "dissatisfied", "asked_for_complaint", "legal_proceedings",
        "previously_considered", "compliment", "enquiry", "anonymous", "safeguarding",
    ]

    /// The header line, with its newline.
    public static let header = columns.joined(separator: ",") + "\n"

    public let contacts: Int
    public let seed: UInt64
    public let from: LocalDate
    public let to: LocalDate

    /// A sample of `contacts` rows received from `from` to `to` inclusive.
    public init(contacts: Int, seed: UInt64, from: LocalDate, to: LocalDate) {
        precondition(contacts >= 0, "contacts must not be negative")
        precondition(from <= to, "from must not be after to")
        self.contacts = contacts
        self.seed = seed
        self.from = from
        self.to = to
    }

    /// Writes the header and the rows to `output` in chunks of about 64 KB of UTF-8, each ending
    /// with a complete row ("\n" line ends; fields quoted only when needed). The bytes are valid
    /// only during the call. An error thrown by `output` stops the run.
    public func write(_ output: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var generator = Generator(self)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: ByteWriter.capacity)
        defer { buffer.deallocate() }
        let texts = generator.texts.bytes
        try texts.withUnsafeBufferPointer { pool in
            var out = ByteWriter(base: buffer, texts: pool.baseAddress!)
            out.append(generator.header)
            for _ in 0..<contacts {
                generator.row(into: &out)
                if out.count >= ByteWriter.chunk {
                    try output(UnsafeRawBufferPointer(start: buffer, count: out.count))
                    out.count = 0
                }
            }
            if out.count > 0 { try output(UnsafeRawBufferPointer(start: buffer, count: out.count)) }
        }
    }

    /// The whole sample as one string (for tests and small samples).
    public func text() -> String {
        var bytes: [UInt8] = []
        write { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The generator: SplitMix64, whose output the sample's byte-for-byte reproducibility rests on.
    typealias Random = SplitMix64
}

// MARK: - Generation

extension IntakeSample {
    /// The state of one run: the random stream, the date range, and where each fixed text is.
    struct Generator {
        var random: Random
        let residentKey: UInt64
        let residents: Int
        let first: Int, days: Int
        let hasWeekdays: Bool, hasWeekends: Bool
        /// Per million contacts on a weekend-capable channel that fall on a weekend day.
        let weekendPerMillion: Int
        // The tables, copied here so that the loop does not go through their lazy globals.
        let channelWeights = Tables.channelWeights, weekendCapable = Tables.weekendCapable
        let categoryWeights = Tables.categoryWeights, serviceRequestCategoryWeights = Tables.serviceRequestCategoryWeights
        let firstNameCount = Tables.firstNames.count, lastNameCount = Tables.lastNames.count
        var texts = Texts()
        var header = Span(start: 0, count: 0)
        var channels: [Span] = [], categories: [Span] = [], names: [Span] = [], emailStems: [Span] = []
        var emailDomain = Span(start: 0, count: 0), phonePrefix = Span(start: 0, count: 0)
        /// The summaries, and per category × kind the range of them to choose from.
        var summaries: [Span] = [], summaryRanges: [Range<Int>] = []
        /// ISO texts of the days from `firstCachedDay`, when the range is not absurdly long.
        var dates = Span(start: 0, count: 0), firstCachedDay = 0, cachedDays = 0

        init(_ sample: IntakeSample) {
            random = Random(seed: sample.seed)
            var keys = Random(seed: sample.seed ^ 0x5245_4452_4553_5321)  // "REDRESS!"
            residentKey = keys.next()
            residents = max(1, (sample.contacts + 2) / 3)
            first = sample.from.dayNumber
            days = sample.to.dayNumber - sample.from.dayNumber + 1
            let weekdays = Generator.weekdays(from: sample.from, count: days)
            let weekends = days - weekdays
            hasWeekdays = weekdays > 0
            hasWeekends = weekends > 0
            // A weekend day should get a third of a weekday's contacts, all from the weekend-capable
            // channels (59% of contacts): 0.59 p / weekends = (1 - 0.59 p) / (3 weekdays).
            if !hasWeekdays {
                weekendPerMillion = 1_000_000
            } else {
                let share = weekends * 100_000_000 / (Tables.weekendCapableShare * (3 * weekdays + weekends))
                weekendPerMillion = min(1_000_000, share)
            }

            header = texts.add(IntakeSample.header)
            channels = Tables.channelNames.map { texts.add($0) }
            categories = Tables.categoryNames.map { texts.add($0) }
            for topic in Topic.all {
                for templates in [topic.complaints, topic.serviceRequests, topic.compliments, topic.enquiries] {
                    let start = summaries.count
                    for template in templates {
                        for subject in topic.subjects {
                            summaries.append(texts.add(CSV.field(Topic.fill(template, with: subject))))
                        }
                    }
                    summaryRanges.append(start..<summaries.count)
                }
            }
            for first in Tables.firstNames {
                for last in Tables.lastNames {
                    names.append(texts.add(CSV.field(first + " " + last)))
                    emailStems.append(texts.add(Tables.emailPart(first) + "." + Tables.emailPart(last)))
                }
            }
            emailDomain = texts.add("@example.org")
            phonePrefix = texts.add("07700 900")
            // Event dates reach back 12 months and 730 days before the earliest received date.
            let earliest = max((try? sample.from.adding(months: -12))?.offset(days: -731) ?? LocalDate.earliest, LocalDate.earliest)
            if sample.to.dayNumber - earliest.dayNumber < 100_000 {
                firstCachedDay = earliest.dayNumber
                cachedDays = sample.to.dayNumber - earliest.dayNumber + 1
                dates = texts.addDates(from: earliest, count: cachedDays)
            }
        }

        /// The weekdays among `count` days from `start`.
        static func weekdays(from start: LocalDate, count: Int) -> Int {
            var total = count / 7 * 5
            for offset in 0..<(count % 7) where !start.offset(days: offset).isWeekend {
                total += 1
            }
            return total
        }

        /// A received date: weekdays only when `weekend` is false (if the range has any).
        mutating func receivedDate(weekend: Bool) -> LocalDate {
            let wanted = weekend ? hasWeekends : hasWeekdays
            while true {
                let date = LocalDate(dayNumber: first + random.below(days))
                if !wanted || date.isWeekend == weekend { return date }
            }
        }

        func write(_ date: LocalDate, to out: inout ByteWriter) {
            let index = date.dayNumber - firstCachedDay
            if index >= 0, index < cachedDays {
                out.append(Span(start: dates.start + 10 * index, count: 10))
            } else {
                out.date(date)
            }
        }

        mutating func row(into out: inout ByteWriter) {
            // Channel, then the received date (weekdays only for phone, letter, in person, MP).
            let channel = random.pick(channelWeights, total: 1000)
            let weekend = weekendCapable[channel] && random.chance(weekendPerMillion)
            let received = receivedDate(weekend: weekend)

            // Kind: service request 12%, compliment 3%, enquiry 5%, else a complaint.
            let kindRoll = random.below(1_000_000)
            let kind: Kind = kindRoll < 120_000 ? .serviceRequest
                : kindRoll < 150_000 ? .compliment
                : kindRoll < 200_000 ? .enquiry : .complaint
            let category = kind == .serviceRequest
                ? random.pick(serviceRequestCategoryWeights, total: 100)
                : random.pick(categoryWeights, total: 100)
            let choices = summaryRanges[category * 4 + kind.rawValue]
            let summary = summaries[choices.lowerBound + random.below(choices.count)]

            // Event date: empty 10%, over 12 months before 7%, 61–364 days 8%, else 0–60 days.
            var event: LocalDate?
            let eventRoll = random.below(1_000_000)
            if eventRoll < 100_000 {
                event = nil
            } else if eventRoll < 170_000 {
                event = (try? received.adding(months: -12))?.offset(days: -1 - random.below(730)) ?? LocalDate.earliest
            } else if eventRoll < 250_000 {
                event = received.offset(days: -61 - random.below(304))
            } else {
                event = received.offset(days: -min(random.below(61), random.below(61)))
            }
            if let date = event, date < LocalDate.earliest { event = LocalDate.earliest }
            // Aware date: 3% of rows (1 in 30 of those with an event date), after the event.
            var aware: LocalDate?
            if let event, event < received, random.chance(33_333) {
                aware = event.offset(days: 1 + random.below(event.days(to: received)))
            }

            // The complainant: one of the pool, unless anonymous.
            let resident = random.below(residents)
            let anonymous = random.chance(10_000)
            let withEmail = channel == Tables.email || random.chance(Tables.emailPerMillion)
            let withPhone = channel == Tables.phone || channel == Tables.text || random.chance(Tables.phonePerMillion)

            // Flags.
            let dissatisfied = kind == .serviceRequest && random.chance(300_000)
            let asked = kind != .compliment && random.chance(51_546)  // 5% of all rows
            let legal = random.chance(15_000)
            let previously = random.chance(20_000)
            let safeguarding = random.chance(20_000)

            write(received, to: &out)
            out.comma()
            out.append(channels[channel])
            out.comma()
            out.append(categories[category])
            out.comma()
            out.append(summary)
            out.comma()
            if let event { write(event, to: &out) }
            out.comma()
            if let aware { write(aware, to: &out) }
            out.comma()
            if !anonymous {
                var person = Random(seed: residentKey ^ (UInt64(resident) &* 0xD1B5_4A32_D192_ED03))
                let name = person.below(firstNameCount) * lastNameCount + person.below(lastNameCount)
                let phone = person.below(1000)
                out.append(names[name])
                out.comma()
                if withEmail {
                    out.append(emailStems[name])
                    out.byte(UInt8(ascii: "."))
                    out.digits(resident + 1, width: 1)
                    out.append(emailDomain)
                }
                out.comma()
                if withPhone {
                    out.append(phonePrefix)
                    out.digits(phone, width: 3)
                }
            } else {
                out.comma()
                out.comma()
            }
            out.comma()
            out.flag(kind == .serviceRequest)
            out.flag(dissatisfied)
            out.flag(asked)
            out.flag(legal)
            out.flag(previously)
            out.flag(kind == .compliment)
            out.flag(kind == .enquiry)
            out.flag(anonymous)
            out.flag(safeguarding, last: true)
        }
    }

    enum Kind: Int {
        case complaint, serviceRequest, compliment, enquiry
    }
}

// MARK: - Output bytes

extension IntakeSample {
    /// Where a fixed text lies in `Texts.bytes`.
    struct Span {
        let start: Int
        let count: Int
    }

    /// The fixed texts of a run (names, summaries, dates...) in one byte array, each written once.
    struct Texts {
        var bytes: [UInt8] = []

        mutating func add(_ text: String) -> Span {
            let start = bytes.count
            bytes.append(contentsOf: text.utf8)
            return Span(start: start, count: bytes.count - start)
        }

        /// The ISO texts of `count` days from `first`, ten bytes each.
        mutating func addDates(from first: LocalDate, count: Int) -> Span {
            let start = bytes.count
            for offset in 0..<count {
                bytes.append(contentsOf: first.offset(days: offset).description.utf8)
            }
            return Span(start: start, count: bytes.count - start)
        }
    }

    /// A chunk of output being filled, with the few appends a row needs.
    struct ByteWriter {
        /// Rows are handed on once a chunk holds this many bytes...
        static let chunk = 1 << 16
        /// ...so the buffer must hold that plus the header or the longest row (well under 1 KB).
        static let capacity = chunk + 4096

        let base: UnsafeMutablePointer<UInt8>
        let texts: UnsafePointer<UInt8>
        var count = 0

        mutating func append(_ span: Span) {
            (base + count).update(from: texts + span.start, count: span.count)
            count += span.count
        }

        mutating func byte(_ byte: UInt8) {
            base[count] = byte
            count += 1
        }

        mutating func comma() { byte(UInt8(ascii: ",")) }

        /// `yes` or nothing, then a comma (or the line end after the last column).
        mutating func flag(_ value: Bool, last: Bool = false) {
            if value {
                base[count] = UInt8(ascii: "y")
                base[count + 1] = UInt8(ascii: "e")
                base[count + 2] = UInt8(ascii: "s")
                count += 3
            }
            byte(last ? UInt8(ascii: "\n") : UInt8(ascii: ","))
        }

        /// `value` (not negative) in decimal, at least `width` digits (zero-padded).
        mutating func digits(_ value: Int, width: Int) {
            var length = 1, limit = 10
            while limit <= value { length += 1; limit *= 10 }
            length = max(length, width)
            var rest = value
            for index in stride(from: count + length - 1, through: count, by: -1) {
                base[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            count += length
        }

        /// ISO text, `YYYY-MM-DD`, for a date outside the cached days.
        mutating func date(_ date: LocalDate) {
            let (year, month, day) = date.parts
            digits(year, width: 4)
            byte(UInt8(ascii: "-"))
            digits(month, width: 2)
            byte(UInt8(ascii: "-"))
            digits(day, width: 2)
        }
    }
}

// MARK: - Tables

extension IntakeSample {
    /// Names, weights and summary templates.
    enum Tables {
        static let channelNames = ["email", "phone", "web", "letter", "in_person", "social_media", "text", "mp_or_councillor"]
        /// Per thousand.
        static let channelWeights = [350, 250, 150, 80, 50, 50, 40, 30]
        static let weekendCapable = [true, false, true, false, false, true, true, false]
        /// Percent of contacts on a weekend-capable channel (email, web, social media, text).
        static let weekendCapableShare = 59
        static let email = 0, phone = 1, text = 6

        /// Email is always given on email contacts (35%), elsewhere missing in 14%: with the
        /// anonymous 1%, about 10% of rows have none.
        static let emailPerMillion = 1_000_000 - 139_860
        /// A phone number is always given on phone and text contacts (29%), elsewhere missing in
        /// 41%: with the anonymous 1%, about 30% of rows have none.
        static let phonePerMillion = 1_000_000 - 412_570

        static let categoryNames = [
            "repairs", "damp_and_mould", "anti_social_behaviour", "staff_conduct",
            "rent_and_charges", "communication", "estate_services", "lettings",
        ]
        /// Percent, for complaints, compliments and enquiries.
        static let categoryWeights = [30, 18, 10, 8, 10, 10, 8, 6]
        /// Percent, for service requests (first reports of a repair).
        static let serviceRequestCategoryWeights = [65, 25, 0, 0, 0, 0, 10, 0]

        static let firstNames = [
            "Aisha", "Amelia", "Anna", "Ben", "Bronwen", "Callum", "Chloe", "Daniel", "Deepa", "Eilidh",
            "Emma", "Fatima", "Grace", "Hamza", "Harry", "Isla", "Jack", "Jade", "Kwame", "Leah",
            "Liam", "Mohammed", "Niamh", "Oliver", "Olivia", "Priya", "Rhys", "Ruth", "Sam", "Sophie",
            "Tariq", "Thomas", "Wiktoria", "Yusuf", "Zara", "Zofia",
        ]
        static let lastNames = [
            "Ahmed", "Begum", "Brown", "Campbell", "Clarke", "Davies", "Evans", "Green", "Hall", "Hughes",
            "Jones", "Khan", "Kowalski", "Lewis", "MacDonald", "Mensah", "Morgan", "Nowak", "O'Brien", "Okafor",
            "Patel", "Roberts", "Robinson", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Walker", "Williams",
            "Wilson", "Wright",
        ]
        static func emailPart(_ name: String) -> String {
            String(name.lowercased().filter { $0.isLetter && $0.isASCII })
        }
    }

    /// A category's subjects and the sentence templates (`{}` marks the subject) for each kind.
    /// (Service requests are drawn only in repairs, damp and mould, and estate services; the
    /// others' service-request templates keep the table regular.)
    struct Topic {
        let subjects: [String]
        let complaints: [String]
        let serviceRequests: [String]
        let compliments: [String]
        let enquiries: [String]

        /// The template with its `{}` replaced by `subject`, capitalised at the start of a sentence.
        static func fill(_ template: String, with subject: String) -> String {
            guard let marker = template.firstRange(of: "{}") else { return template }
            let atStart = marker.lowerBound == template.startIndex
            var filled = template
            filled.replaceSubrange(marker, with: atStart ? subject.prefix(1).uppercased() + subject.dropFirst() : subject)
            return filled
        }

        /// In the order of `Tables.categoryNames`.
        static let all = [
            Topic(  // repairs
                subjects: ["the boiler", "the kitchen tap", "the front door lock", "the bathroom extractor fan",
                           "the bedroom window", "the heating", "the toilet cistern", "the roof"],
                complaints: ["Still waiting for someone to fix {} after three missed appointments.",
                             "{} has been faulty for weeks, and the contractor never turned up.",
                             "Operative said \"parts on order\" for {} but nothing has happened since.",
                             "Repair to {} was marked complete but it is still not working.",
                             "The repair to {} failed again within a week, and they want it done properly."],
                serviceRequests: ["Reporting a problem with {} for the first time.",
                                  "New report: {} needs looking at, please book an appointment."],
                compliments: ["Thanks to the operative who fixed {} so quickly, and tidied up after."],
                enquiries: ["Asking when the repair to {} will be booked."]),
            Topic(  // damp_and_mould
                subjects: ["the main bedroom", "the bathroom", "the children's bedroom", "the kitchen",
                           "the living room"],
                complaints: ["Black mould in {} keeps coming back, and the children have been coughing.",
                             "Damp in {} reported months ago; the surveyor said \"condensation\" and left.",
                             "Mould treatment in {} only covered it up, it is back again.",
                             "Asks for a proper damp survey of {} after repeated reports."],
                serviceRequests: ["Reporting damp and mould in {} for the first time.",
                                  "New report of mould in {}, please arrange an inspection."],
                compliments: ["Pleased with the mould wash and repaint in {}, and the staff were polite."],
                enquiries: ["Asking whether the damp in {} will be looked at before winter."]),
            Topic(  // anti_social_behaviour
                subjects: ["noise from the flat upstairs", "drug dealing in the stairwell", "a neighbour's dog",
                           "rubbish dumped by neighbours", "parties next door"],
                complaints: ["Reported {} several times, and nobody has taken any action.",
                             "Unhappy that the case about {} was closed without speaking to them.",
                             "Says the officer called {} \"a lifestyle clash\" and refused to help.",
                             "Diary sheets about {} were sent in but never acknowledged."],
                serviceRequests: ["Reporting {} for the first time."],
                compliments: ["Thanks to the officer who dealt with {}, things are much better now."],
                enquiries: ["Asking what happens next about {}."]),
            Topic(  // staff_conduct
                subjects: ["a housing officer", "a repairs operative", "a call handler", "the caretaker",
                           "a neighbourhood manager"],
                complaints: ["Says {} was rude and dismissive on the phone.",
                             "{} did not turn up for an agreed visit, and did not call.",
                             "Unhappy that {} shared their details with a neighbour.",
                             "Says {} told them \"there's nothing we can do\" and hung up."],
                serviceRequests: ["Asking for {} to visit about a new problem."],
                compliments: ["Wants to thank {} for being patient, kind and helpful."],
                enquiries: ["Asking for the name of {} who visited last week."]),
            Topic(  // rent_and_charges
                subjects: ["the service charge", "the rent account", "a rechargeable repair", "the heating charge",
                           "the garage rent"],
                complaints: ["Disputes {}, which went up by £30 a month without notice.",
                             "An arrears letter about {} was sent in error, and caused a lot of worry.",
                             "Was charged twice for {} and wants a refund.",
                             "Cannot get a breakdown of {} despite asking three times."],
                serviceRequests: ["Asking for a statement of {}."],
                compliments: ["Thanks to the income officer who sorted out {}, and explained it clearly."],
                enquiries: ["Asking how {} is worked out.", "Asks whether {} can be paid fortnightly."]),
            Topic(  // communication
                subjects: ["a repair request", "a transfer application", "an earlier complaint", "a rent query",
                           "a request for adaptations"],
                complaints: ["Nobody replied to emails about {}, and the phone line keeps cutting off.",
                             "Was promised a call back about {} that never came.",
                             "Letters about {} went to the wrong address.",
                             "Told \"someone will be in touch\" about {}, heard nothing since."],
                serviceRequests: ["Following up {} made last month."],
                compliments: ["Pleased with how quickly {} was answered, and kept informed throughout."],
                enquiries: ["Asking for an update on {}."]),
            Topic(  // estate_services
                subjects: ["the communal lights", "the lift", "the bin store", "the grass cutting",
                           "the communal cleaning", "the door entry system"],
                complaints: ["{} has not been sorted for weeks, and it is unsafe at night.",
                             "Pays a service charge for {} but it is never done.",
                             "Reported {} again; residents were told it was \"in hand\".",
                             "Unhappy with the state of {} on the estate."],
                serviceRequests: ["Reporting a fault with {}.", "{} needs attention, first report."],
                compliments: ["Thanks for the improvement to {}, and the estate looks much better."],
                enquiries: ["Asking who is responsible for {}."]),
            Topic(  // lettings
                subjects: ["the new tenancy", "a mutual exchange", "the transfer", "the sign-up", "a move to a temporary home"],
                complaints: ["Says {} was handled badly, and key information was never given.",
                             "Unhappy with the long delay over {}.",
                             "Was told {} was \"approved\" and then it was withdrawn.",
                             "Says the home was not ready on the day of {}, and nothing has been put right."],
                serviceRequests: ["Reporting a problem found at {}."],
                compliments: ["Thanks to the lettings team for making {} so smooth."],
                enquiries: ["Asking how long {} usually takes.", "Asks what documents are needed for {}."]),
        ]
    }
}
