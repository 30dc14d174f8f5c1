-- wrk script of bench/load.sh (CLIENT=wrk): each connection sends the paths of the file named by WRK_PATHS
-- (one per line) in turn, starting at a different place per thread.
local paths = {}
local next_index = 1

function init(args)
  for line in io.lines(os.getenv("WRK_PATHS")) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  next_index = math.random(#paths)
end

function request()
  next_index = next_index % #paths + 1
  return wrk.format("GET", paths[next_index])
end
