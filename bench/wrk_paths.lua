-- wrk script for bench/web_load.py: GET the paths listed in the file named by $PATHS, in
-- random order (fixed seed); at the end print one JSON line with latency percentiles in ms.
local paths = {}
for line in io.lines(os.getenv("PATHS")) do paths[#paths + 1] = line end
local errors = 0
local statuses = {}
math.randomseed(7)
request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end
response = function(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end
done = function(summary, latency, requests)
  local seen = {}
  for status, n in pairs(statuses) do seen[#seen + 1] = string.format('"%d": %d', status, n) end
  io.write(string.format('{"requests": %d, "seconds": %.3f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f, "mean_ms": %.1f, "non200": %d, "socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    table.concat(seen, ", ")))
end
