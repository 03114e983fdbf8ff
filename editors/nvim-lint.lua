-- conc-lint for Neovim through nvim-lint (https://github.com/mfussenegger/nvim-lint).
--
-- Install: copy this file to ~/.config/nvim/lua/conc_lint.lua and add to init.lua
--
--   require('conc_lint').setup()              -- lint C files on open, edit and save
--   -- options (all optional):
--   -- require('conc_lint').setup({
--   --   cmd = '/opt/conc-lint/conc-lint',   -- default: conc-lint on $PATH
--   --   events = { 'BufWritePost' },        -- default: BufReadPost, BufWritePost,
--   --                                       --   InsertLeave, TextChanged
--   --   scope = 'file',                     -- default 'program': see below
--   --   extra_args = { '--disable', 'CL003' },
--   -- })
--
-- scope 'program' (the default) shows the whole program's findings located in this
-- file: conc-lint links every TU of the compile DB, taking the other TUs' summaries
-- from its cache, so a race whose other side is in another .c file is shown too.
-- scope 'file' (conc-lint --scope file) analyzes the file's TU alone.
--
-- It runs `conc-lint --format json [-p DB] [--config CFG] --stdin-filename FILE` with
-- the buffer on standard input, so the findings follow the buffer, not the last save,
-- and turns the JSON document (docs/json-format.md) into vim.diagnostic entries:
-- findings in this file (suppressed ones left out), with related locations and thread
-- steps appended to the message, plus this file's notifications (parse errors, unused
-- or malformed suppressions).
--
-- The compile DB and the config are looked up from the file's directory upwards
-- (compile_commands.json in a directory or in its build/ subdirectory; the nearest
-- .conc-lint.json), so Neovim's working directory does not matter. Header files are
-- skipped: a header is not a translation unit (see docs/editors.md).
-- Needs Neovim 0.7 or newer (vim.json) and nvim-lint.

local M = {}

local function exists(path)
  return vim.loop.fs_stat(path) ~= nil
end

-- Directory holding compile_commands.json for `dir` or one of its parents, and the
-- project root (that directory, or the parent of a build/ directory holding it).
local function find_compdb(dir)
  while dir and dir ~= '' do
    if exists(dir .. '/compile_commands.json') then
      return dir, dir
    end
    if exists(dir .. '/build/compile_commands.json') then
      return dir .. '/build', dir
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      return nil
    end
    dir = parent
  end
  return nil
end

local function find_config(dir)
  local found = vim.fn.findfile('.conc-lint.json', dir .. ';')
  if found == '' then
    return nil
  end
  return vim.fn.fnamemodify(found, ':p')
end

local function str(v)
  if v == nil or v == vim.NIL then
    return nil
  end
  return v
end

local severity = {
  error = vim.diagnostic.severity.ERROR,
  warning = vim.diagnostic.severity.WARN,
  note = vim.diagnostic.severity.INFO,
}

local function where(loc)
  local file = str(loc.file)
  return string.format('%s:%d:%d', file and vim.fn.fnamemodify(file, ':~:.') or '?',
    loc.line or 0, loc.column or 0)
end

-- JSON columns are 1-based byte columns; vim.diagnostic wants 0-based byte columns.
local function pos(n)
  n = tonumber(n) or 0
  if n > 0 then
    return n - 1
  end
  return 0
end

-- The nvim-lint parser: JSON text -> vim.diagnostic list for `bufnr`.
function M.parse(output, bufnr, _, opts)
  opts = opts or {}
  local diagnostics = {}
  if output == nil or output:match('^%s*$') then
    return diagnostics
  end
  local ok, doc = pcall(vim.json.decode, output)
  if not ok or type(doc) ~= 'table' then
    return diagnostics
  end
  local this = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p')
  local function here(loc)
    local file = str(loc.file)
    return file ~= nil and vim.fn.fnamemodify(file, ':p') == this
  end
  for _, f in ipairs(doc.findings or {}) do
    if here(f) and f.suppressed ~= true then
      local lines = { f.message }
      for _, r in ipairs(f.related or {}) do
        table.insert(lines, '  ' .. where(r) .. ': ' .. r.message)
      end
      for _, tf in ipairs(f.threadFlows or {}) do
        table.insert(lines, '  ' .. tf.thread .. ':')
        for _, s in ipairs(tf.steps or {}) do
          table.insert(lines, '    ' .. where(s) .. ': ' .. s.message)
        end
      end
      table.insert(diagnostics, {
        lnum = pos(f.line),
        col = pos(f.column),
        severity = severity[f.level] or vim.diagnostic.severity.WARN,
        message = table.concat(lines, '\n'),
        source = 'conc-lint',
        code = f.ruleId .. '/' .. f.ruleName,
      })
    end
  end
  for _, n in ipairs(doc.notifications or {}) do
    -- A file analyzed alone cannot see a race with another translation unit, so its
    -- suppression looks unused; only the program scope can tell.
    local unused = n.message:match('^unused suppression') ~= nil
    if here(n) and (not unused or opts.scope ~= 'file') then
      table.insert(diagnostics, {
        lnum = pos(n.line),
        col = pos(n.column),
        severity = severity[n.level] or vim.diagnostic.severity.INFO,
        message = n.message,
        source = 'conc-lint',
      })
    end
  end
  return diagnostics
end

-- The linter definition. nvim-lint calls it on every lint and appends the file name.
function M.linter(opts)
  opts = opts or {}
  return function()
    local dir = vim.fn.expand('%:p:h')
    local args = { '--format', 'json' }
    local db = find_compdb(dir)
    if db then
      vim.list_extend(args, { '-p', db })
    end
    local cfg = find_config(dir)
    if cfg then
      vim.list_extend(args, { '--config', cfg })
    end
    -- 'project' was the name of the program scope before it became conc-lint's own.
    local scope = (opts.scope == 'file' or db == nil) and 'file' or 'program'
    if opts.scope == 'file' then
      table.insert(args, '--scope=file')
    end
    vim.list_extend(args, opts.extra_args or {})
    vim.list_extend(args, { '--stdin-filename', vim.api.nvim_buf_get_name(0) })
    return {
      cmd = opts.cmd or 'conc-lint',
      args = args,
      stdin = true, -- the buffer, as conc-lint analyzes it in place of the file
      append_fname = false,
      stream = 'stdout',
      ignore_exitcode = true, -- 1 means findings; 3 comes with the parse errors in the document
      parser = function(output, bufnr, cwd)
        return M.parse(output, bufnr, cwd, { scope = scope })
      end,
    }
  end
end

function M.setup(opts)
  opts = opts or {}
  local lint = require('lint')
  lint.linters.conc_lint = M.linter(opts)
  vim.api.nvim_create_autocmd(opts.events or { 'BufReadPost', 'BufWritePost', 'InsertLeave', 'TextChanged' }, {
    group = vim.api.nvim_create_augroup('conc_lint', { clear = true }),
    pattern = '*.c',
    callback = function()
      lint.try_lint('conc_lint')
    end,
  })
end

return M
