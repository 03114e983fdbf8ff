;;; flycheck-conc-lint.el --- Flycheck checker for conc-lint  -*- lexical-binding: t; -*-

;; Usage: put this file on `load-path' and add to your init file
;;
;;   (with-eval-after-load 'flycheck
;;     (require 'flycheck-conc-lint)
;;     (flycheck-conc-lint-setup))
;;
;; The checker runs `conc-lint --format text [-p DB] [--config CFG] --stdin-filename
;; FILE' from the project root with the buffer on standard input (so findings follow
;; the buffer, not the last save) and parses the clang-style lines
;;
;;   file:line:col: warning: message [CL002/unguarded-shared-state]
;;   file:line:col: error: ...   (parse errors, or a rule configured at level error)
;;   file:line:col: note: ...    (related locations, suppression notes)
;;
;; With a compile DB, the findings are the whole program's located in this file
;; (conc-lint links every TU, the others' summaries from its cache).
;; Header files are skipped: a header is not a translation unit (docs/editors.md).
;; Needs Flycheck 32 or newer (for :working-directory).

;;; Code:

(require 'flycheck)
(require 'seq)

(defgroup flycheck-conc-lint nil
  "Flycheck checker for conc-lint."
  :group 'flycheck)

(defcustom flycheck-conc-lint-executable nil
  "The conc-lint executable; nil means \"conc-lint\" on `exec-path'."
  :type '(choice (const nil) file))

(defun flycheck-conc-lint--compdb-dir ()
  "Directory of the compile_commands.json for this buffer, or nil.
Looks from the file's directory upwards, in each directory and its build/."
  (when buffer-file-name
    (let ((root (locate-dominating-file
                 buffer-file-name
                 (lambda (dir)
                   (or (file-exists-p (expand-file-name "compile_commands.json" dir))
                       (file-exists-p (expand-file-name "build/compile_commands.json" dir)))))))
      (when root
        (if (file-exists-p (expand-file-name "compile_commands.json" root))
            (expand-file-name root)
          (expand-file-name "build" root))))))

(defun flycheck-conc-lint--root (&optional _checker)
  "Project root: the compile DB's directory (or its build/ parent).
Without a compile DB, the file's directory."
  (let ((db (flycheck-conc-lint--compdb-dir)))
    (cond ((null db) (and buffer-file-name (file-name-directory buffer-file-name)))
          ((string= (file-name-nondirectory (directory-file-name db)) "build")
           (file-name-directory (directory-file-name db)))
          (t db))))

(defun flycheck-conc-lint--config ()
  "The nearest .conc-lint.json above the file, or nil."
  (let ((dir (and buffer-file-name
                  (locate-dominating-file buffer-file-name ".conc-lint.json"))))
    (and dir (expand-file-name ".conc-lint.json" dir))))

(defun flycheck-conc-lint--filter (errors)
  "Drop \"unused suppression\" notes from ERRORS when there is no compile DB.
A file analyzed alone cannot see a race with another translation unit, so
such a suppression only looks unused; with a compile DB the file is analyzed
with the whole program, and the note is right."
  (flycheck-sanitize-errors
   (if (flycheck-conc-lint--compdb-dir)
       errors
     (seq-remove (lambda (e)
                   (string-prefix-p "unused suppression" (or (flycheck-error-message e) "")))
                 errors))))

(flycheck-define-checker c-conc-lint
  "Concurrency bugs in C (POSIX and C11 threads) with conc-lint."
  :command ("conc-lint" "--format" "text"
            (eval (let ((db (flycheck-conc-lint--compdb-dir))) (and db (list "-p" db))))
            (eval (let ((cfg (flycheck-conc-lint--config))) (and cfg (list "--config" cfg))))
            "--stdin-filename" source-original)
  :standard-input t
  :working-directory flycheck-conc-lint--root
  :predicate (lambda () (and buffer-file-name
                             (string-match-p "\\.c\\'" buffer-file-name)))
  :error-patterns
  ((warning line-start (file-name) ":" line ":" column ": warning: "
            (message (minimal-match (one-or-more not-newline)))
            " [" (id "CL" (one-or-more digit) "/" (one-or-more (any "a-z0-9-"))) "]" line-end)
   (error line-start (file-name) ":" line ":" column ": error: "
          (message (minimal-match (one-or-more not-newline)))
          (optional " [" (id "CL" (one-or-more digit) "/" (one-or-more (any "a-z0-9-"))) "]")
          line-end)
   (info line-start (file-name) ":" line ":" column ": note: "
         (message (minimal-match (one-or-more not-newline)))
         (optional " [" (id "CL" (one-or-more digit) "/" (one-or-more (any "a-z0-9-"))) "]")
         line-end))
  :error-filter flycheck-conc-lint--filter
  :modes (c-mode c-ts-mode))

;;;###autoload
(defun flycheck-conc-lint-setup ()
  "Register the conc-lint checker; it runs after the other C checkers."
  (interactive)
  (when flycheck-conc-lint-executable
    (setq flycheck-c-conc-lint-executable flycheck-conc-lint-executable))
  (add-to-list 'flycheck-checkers 'c-conc-lint t))

(provide 'flycheck-conc-lint)
;;; flycheck-conc-lint.el ends here
