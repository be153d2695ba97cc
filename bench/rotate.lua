-- wrk script of bench/throughput.py: each request takes the next path from the file named by the
-- first argument (one path a line); responses other than 2xx are counted per thread (wrk's own
-- error count only sees status >= 400); done() prints the summary as one JSON line.
--   wrk -s bench/rotate.lua http://127.0.0.1:8101/ -- /tmp/paths.txt

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("offset", #threads * 7) -- the threads start at different paths
end

local paths = {}
local counter = 0
non2xx = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  counter = offset or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  local non2xx_total = 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, '
      .. '"write": %d, "status": %d, "timeout": %d, "non2xx": %d, "p50_us": %d, "p99_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, errors.connect, errors.read,
    errors.write, errors.status, errors.timeout, non2xx_total, latency:percentile(50),
    latency:percentile(99), latency.mean
  ))
end
