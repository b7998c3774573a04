extension JobCall {
    /// The Lua half of a job run: loads the job and the store's pack, makes the `job` object the
    /// job's `run(job)` is called with, and returns what it said and the files it wrote. Called
    /// with the Swift primitives (`JobsModule`), the job's source and path, and the run's facts.
    static let source = #"""
    local P, source, path, info = ...
    local type, pairs, ipairs, error, tostring = type, pairs, ipairs, error, tostring
    local format, concat, sort = string.format, table.concat, table.sort

    local function describe(v)
      if type(v) == "string" then return "'" .. v .. "'" end
      if type(v) == "table" then return "a table" end
      return tostring(v)
    end

    local function fail(message, level)
      error(message, level and level + 1 or 0)
    end

    -- the job, then the store's pack and its calendar (closure days included)
    local chunk, message = load(source, "@" .. path, "t")
    if not chunk then error(message, 0) end
    local definition = chunk()
    if type(definition) ~= "table" or type(definition.run) ~= "function" then
      error(path .. ": a job must return { schedule = ..., run = function(job) ... end }", 0)
    end
    local pack_path, pack_source = P.bound_pack()
    if not pack_path then error(pack_source, 0) end
    local pack_chunk, why = load(pack_source, "@" .. pack_path, "t")
    if not pack_chunk then error(why, 0) end
    local pack = pack_chunk()
    local pack_calendar, problem = P.pack_calendar(pack)
    if not pack_calendar then error(problem, 0) end
    calendar = pack_calendar
    package.loaded["redress.calendar"] = pack_calendar

    local settings = {}
    for _, row in ipairs(sql("SELECT key, value FROM settings")) do settings[row.key] = row.value end

    local files, written = {}, {}
    local job = {
      name = info.name, title = info.title, schedule = info.schedule, date = info.date, as_of = info.as_of,
      last_run = info.last_run, dry_run = info.dry_run, pack = pack, calendar = pack_calendar, settings = settings,
    }

    --- job:write(name, text): a report file, written under the store's reports folder when the
    --- run succeeds (never in a dry run). `name` may hold folders: "deadlines/2026-12-22.txt".
    function job:write(name, text)
      if type(name) ~= "string" or name == "" then
        fail("job:write: name: expected a file name such as 'deadlines/2026-12-22.txt', got " .. describe(name), 2)
      end
      local problem = P.report_name(name)
      if problem then fail("job:write: name: " .. problem, 2) end
      if type(text) ~= "string" then fail("job:write: text: expected text, got " .. describe(text), 2) end
      if written[name] then fail(format("job:write: '%s' was already written in this run", name), 2) end
      written[name] = true
      files[#files + 1] = { name = name, text = text }
      return name
    end

    --- job:check(t, { "field", ... }, where): t's fields are all known (nil counts as {}); a
    --- misspelled one is an error naming `where` and the field.
    function job:check(t, allowed, where)
      if t == nil then return {} end
      if type(t) ~= "table" then fail(format("%s: expected a table, got %s", where, describe(t)), 0) end
      local known = {}
      for _, name in ipairs(allowed) do known[name] = true end
      for key in pairs(t) do
        if not known[key] then
          local names = {}
          for _, name in ipairs(allowed) do names[#names + 1] = name end
          sort(names)
          fail(format("%s: unknown field '%s' (expected: %s)", where, tostring(key), concat(names, ", ")), 0)
        end
      end
      return t
    end

    --- job:config{ "field", ... }: what the store's pack declares for this job (its
    --- `jobs[<job name>]` table, checked against the fields given), or nil when it declares nothing.
    function job:config(allowed)
      local all = pack.jobs
      if all == nil then return nil end
      if type(all) ~= "table" then fail(format("pack %s: jobs: expected a table keyed by job name, got %s", tostring(pack.name), describe(all)), 0) end
      if all[self.name] == nil then return nil end
      return self:check(all[self.name], allowed, format("pack %s: jobs.%s", tostring(pack.name), self.name))
    end

    --- job:sample{ purpose =, period =, share =, population = { { party =, case = }, ... } }:
    --- draws at least `share` (0 to 1) of the population's people, reproducibly, never someone
    --- drawn before for the same purpose and period; records the draw. Returns { drawn = {...},
    --- earlier =, target =, population =, seed = }.
    function job:sample(t)
      self:check(t, { "purpose", "period", "share", "population" }, "job:sample")
      if type(t.population) ~= "table" then fail("job:sample: population: expected an array of { party =, case = }", 2) end
      local result, why = P.sample(t.purpose, t.period, t.share, t.population)
      if not result then fail("job:sample: " .. why, 2) end
      return result
    end

    --- job:letter(kind, about) → the letter's file names, or nil and what it lacks ("part: why; ..."):
    --- letter `kind` about `about` (a case reference, or { restriction = id }), from the templates
    --- `redress letter` uses, read as an outsider would read the store (nothing withheld or
    --- confidential) and addressed as the job's user may see the customer. Written with
    --- job:write under letters/<ref or restriction-ID>/<date>-<kind>.txt and .html, and recorded
    --- as issued when the run succeeds.
    function job:letter(kind, about)
      if type(kind) ~= "string" or not kind:match("^%a[%w_-]*$") then
        fail("job:letter: kind: expected a template name such as 'restriction-review', got " .. describe(kind), 2)
      end
      local subject, folder
      if type(about) == "table" and math.type(about.restriction) == "integer" then
        subject, folder = about.restriction, "restriction-" .. about.restriction
      elseif type(about) == "string" and about:match("^[%w][%w._-]*$") then
        subject, folder = about, about
      else
        fail("job:letter: about: expected a case reference or { restriction = id }, got " .. describe(about), 2)
      end
      local letters = require "lib.letters"
      local addressee, why = P.addressee(subject)
      if why then fail("job:letter: " .. why, 2) end
      local ok, outsider = P.outsider(true)
      if not ok then fail("job:letter: " .. outsider, 2) end
      local rendered, letter = pcall(letters.render, kind, about, info.letter_folders, pack, settings, self.date, addressee)
      P.outsider(false)
      if not rendered then error(letter, 0) end
      if #letter.missing > 0 then
        local parts = {}
        for _, m in ipairs(letter.missing) do parts[#parts + 1] = m.part .. ": " .. m.why end
        return nil, concat(parts, "; ")
      end
      local base = format("letters/%s/%s-%s", folder, tostring(self.date), kind)
      local names = { self:write(base .. ".txt", letter.text), self:write(base .. ".html", letter.html) }
      local ok2, message = P.record_letter(kind, subject, letter.stage, letter.template, letter.text,
                                           { info.reports_folder .. "/" .. names[1], info.reports_folder .. "/" .. names[2] })
      if not ok2 then fail("job:letter: " .. message, 2) end
      return names
    end

    local summary = definition.run(job)
    if summary ~= nil and type(summary) ~= "string" then summary = tostring(summary) end
    return summary, files
    """#
}
