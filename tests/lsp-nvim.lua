-- Neovim's built-in LSP client on `conc-lint lsp` (tests/lsp-nvim.sh):
-- opens stats.c and main.c of a copy of testdata/example-server, waits for
-- the cross-file race to show in both, writes every diagnostic of the two
-- buffers to $LSP_OUT as "file:line:col: severity code message", quits
-- with status 0, or 1 when the diagnostics did not come within the time.
local proj = os.getenv('LSP_PROJ')
local out = os.getenv('LSP_OUT')
local gone = false
local client = vim.lsp.start_client({
  name = 'conc-lint',
  on_exit = function() gone = true end,
  cmd = { os.getenv('CONC_LINT'), 'lsp', '--cache-dir', os.getenv('LSP_CACHE') },
  root_dir = proj,
})
local bufs = {}
for _, name in ipairs({ 'stats.c', 'main.c' }) do
  local buf = vim.fn.bufadd(proj .. '/' .. name)
  vim.fn.bufload(buf)
  vim.lsp.buf_attach_client(buf, client)
  bufs[name] = buf
end

local function code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '-'
end

local function has_race(buf)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if code(d) == 'CL002' then
      return true
    end
  end
  return false
end

-- (stops early when the server is gone)
local ok = vim.wait(120000, function()
  return (has_race(bufs['stats.c']) and has_race(bufs['main.c']))
    or gone
end, 50) and has_race(bufs['stats.c']) and has_race(bufs['main.c'])

local f = assert(io.open(out, 'w'))
for _, name in ipairs({ 'stats.c', 'main.c' }) do
  for _, d in ipairs(vim.diagnostic.get(bufs[name])) do
    f:write(string.format('%s:%d:%d: %s %s %s\n', name, d.lnum + 1, d.col + 1,
      vim.diagnostic.severity[d.severity], code(d), d.message))
  end
end
f:close()
vim.lsp.stop_client(client)
vim.wait(5000, function() return vim.lsp.client_is_stopped(client) end, 50)
vim.cmd(ok and 'qa!' or 'cquit 1')
