-- wrk script for bench_load.py: rotate over logged-in pages and report p95 and errors as JSON.
--
-- Usage: wrk ... -s load_pages.lua http://127.0.0.1:PORT -- <targets file>
-- The targets file has one request per line: "<session cookie value>\t<path>". Each thread starts at
-- its own offset and walks the list in order. Every request carries X-Forwarded-Proto: https, as the
-- TLS-terminating proxy in front of gunicorn sends it (production keeps SECURE_SSL_REDIRECT on).
--
-- Any status other than 200 counts as an error (wrk itself only flags statuses >= 400, so a redirect
-- to the login page would pass unnoticed); so do connect/read/write errors and timeouts.
-- done() prints one line starting with "LOADJSON " followed by a JSON object.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("offset", counter)
   table.insert(threads, thread)
end

function init(args)
   targets = {}
   local file = assert(io.open(args[1], "r"))
   for line in file:lines() do
      local cookie, path = line:match("^([^\t]*)\t(.+)$")
      if path then
         local headers = {["X-Forwarded-Proto"] = "https"}
         if cookie ~= "" then
            headers["Cookie"] = "sessionid=" .. cookie
         end
         table.insert(targets, wrk.format("GET", path, headers))
      end
   end
   file:close()
   assert(#targets > 0, "no targets in " .. args[1])
   position = (offset * 7) % #targets
   non200 = 0
   first_bad = ""
end

function request()
   position = position % #targets + 1
   return targets[position]
end

function response(status, headers, body)
   if status ~= 200 then
      non200 = non200 + 1
      if first_bad == "" then
         first_bad = tostring(status) .. " " .. (headers["Location"] or "")
      end
   end
end

function done(summary, latency, requests)
   local non200_total = 0
   local first = ""
   for _, thread in ipairs(threads) do
      non200_total = non200_total + thread:get("non200")
      if first == "" then
         first = thread:get("first_bad")
      end
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format(
      'LOADJSON {"requests": %d, "seconds": %.3f, "rps": %.2f, "p50_ms": %.2f, "p90_ms": %.2f, '
         .. '"p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, "non200": %d, '
         .. '"connect": %d, "read": %d, "write": %d, "timeout": %d, "errors": %d, "first_bad": "%s"}\n',
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, latency.mean / 1000,
      non200_total, e.connect, e.read, e.write, e.timeout, non200_total + socket_errors,
      first:gsub('[\\"]', "")
   ))
end
