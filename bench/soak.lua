-- wrk script of bench/soak.py. The first argument is a file of paths to rotate through, or
-- "search" for search queries that never repeat (the second argument makes them unique to the
-- run), so no cache can answer them. Each thread counts its responses by status, by X-Cache
-- header and status, and per second (os.time) as ok or 5xx; done() sums the threads' tables, as
-- wrk's examples do, adds wrk's socket errors and prints it all as one JSON line.
--   wrk -s bench/soak.lua http://127.0.0.1:8103/ -- /tmp/paths.txt
--   wrk -s bench/soak.lua http://127.0.0.1:8103/ -- search run1

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local WORDS = {
  "fr%C3%A5nvaro", "mentorerna", "avhoppen", "samverkan", "studieavbrotten", "blockl%C3%A4sning",
}
local paths = {}
local searching = false
local tag = ""
local counter = 0
counts = {}

local function add(key)
  counts[key] = (counts[key] or 0) + 1
end

function init(args)
  if args[1] == "search" then
    searching = true
    tag = args[2] or ""
  else
    for line in io.lines(args[1]) do
      if line ~= "" then
        table.insert(paths, line)
      end
    end
  end
end

function request()
  counter = counter + 1
  if searching then
    local word = WORDS[counter % #WORDS + 1]
    return wrk.format("GET", string.format("/sok/?q=%s+%st%dn%d", word, tag, id, counter))
  end
  return wrk.format("GET", paths[(counter + id * 7) % #paths + 1])
end

function response(status, headers, body)
  local cache = "absent"
  for name, value in pairs(headers) do
    if string.lower(name) == "x-cache" then
      cache = string.lower(value)
    end
  end
  add("status " .. status)
  add("x-cache " .. cache .. " " .. status)
  add("second " .. os.time() .. (status >= 500 and " 5xx" or " ok"))
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts")) do
      total[key] = (total[key] or 0) + n
    end
  end
  local errors = summary.errors
  total["socket connect"] = errors.connect
  total["socket read"] = errors.read
  total["socket write"] = errors.write
  total["socket timeout"] = errors.timeout
  total["requests"] = summary.requests
  total["duration_us"] = summary.duration
  total["p50_us"] = latency:percentile(50)
  total["p99_us"] = latency:percentile(99)
  local parts = {}
  for key, n in pairs(total) do
    table.insert(parts, string.format('"%s": %d', key, n))
  end
  io.write("SOAK_RESULT {" .. table.concat(parts, ", ") .. "}\n")
end
