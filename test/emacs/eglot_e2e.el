;;; eglot_e2e.el --- Emacs (eglot) headless end-to-end test of the Counterpoint language server -*- lexical-binding: t -*-
;; Run through test/emacs/run.sh, which sets:
;;   COUNTERPOINT_SETUP    the README's Emacs set-up snippet (it tells eglot to start counterpoint-ls from the PATH)
;;   COUNTERPOINT_ARTICLE  the article to open (its workspace root holds actors/tokayev.md)
;; Prints one PASS/FAIL line per check, then "emacs: N passed, N failed"; exits non-zero when any check fails.

(let ((default-directory "/usr/share/emacs/site-lisp/elpa/"))
  (when (file-directory-p default-directory) (normal-top-level-add-subdirs-to-load-path)))
(require 'eglot)
(require 'flymake)
(require 'cl-lib)
(unless (fboundp 'markdown-mode) (define-derived-mode markdown-mode text-mode "Markdown"))

(defvar cp-passed 0)
(defvar cp-failed 0)
(defvar cp-index-state nil)
(defvar cp-timeout (string-to-number (or (getenv "COUNTERPOINT_EMACS_TIMEOUT") "30")))

(defun cp-out (text) (princ (concat text "\n")))
(defun cp-check (name ok &optional detail)
  (if ok (setq cp-passed (1+ cp-passed)) (setq cp-failed (1+ cp-failed)))
  (cp-out (format "%s %s%s" (if ok "PASS" "FAIL") name (if detail (format "  (%s)" detail) "")))
  ok)
(defun cp-finish ()
  (ignore-errors (eglot-shutdown (eglot-current-server)))
  (cp-out (format "emacs: %d passed, %d failed" cp-passed cp-failed))
  (kill-emacs (if (> cp-failed 0) 1 0)))
(defun cp-wait (predicate)
  "Wait until PREDICATE is non-nil or the timeout passes; return its value."
  (let ((deadline (+ (float-time) cp-timeout)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(cl-defmethod eglot-handle-notification (_server (_method (eql counterpoint/indexStatus)) &key state &allow-other-keys)
  (setq cp-index-state state))

(defun cp-request (method)
  (jsonrpc-request (eglot-current-server) method (eglot--TextDocumentPositionParams)))

(defun cp-main ()
  (load (getenv "COUNTERPOINT_SETUP") nil t)
  (let* ((article (getenv "COUNTERPOINT_ARTICLE")))
    (find-file article)
    (markdown-mode)
    (cp-out (format "emacs: %s in %s, eglot %s" (file-name-nondirectory article) default-directory
                    (or (ignore-errors (package-get-version)) "1.x")))
    ;; As M-x eglot would: the contact and project eglot guesses for this buffer (no prompt: not interactive).
    (apply #'eglot (eglot--guess-contact))
    (unless (cp-check "start server" (cp-wait #'eglot-current-server)) (cp-finish))
    (cp-check "index ready" (cp-wait (lambda () (equal cp-index-state "ready"))) cp-index-state)
    ;; Diagnostics as flymake shows them.
    (let ((found (cp-wait (lambda ()
                            (flymake-start)
                            (cl-find-if (lambda (d) (string-match-p "carries claim" (flymake-diagnostic-text d)))
                                        (flymake-diagnostics))))))
      (cp-check "diagnostics: claim.no-counter-source" found
                (format "%d diagnostics" (length (flymake-diagnostics)))))
    (let ((unknown (cl-find-if (lambda (d) (string-match-p "No actor has the id or alias" (flymake-diagnostic-text d)))
                               (flymake-diagnostics))))
      (cp-check "diagnostics: no false actor.unknown" (not unknown) (and unknown (flymake-diagnostic-text unknown))))
    ;; Hover on a bare "Tokayev" in the body (after the frontmatter), and definition on the [[tokayev link.
    (goto-char (point-min))
    (re-search-forward "^---$" nil t 2)
    (re-search-forward "\\(^\\|[^[|]\\)\\(Tokayev\\)" nil t)
    (goto-char (+ (match-beginning 2) 2))
    (let* ((hover (ignore-errors (cp-request :textDocument/hover)))
           (contents (plist-get hover :contents))
           (text (if (stringp contents) contents (plist-get contents :value))))
      (cp-check "hover on bare \"Tokayev\"" (and text (string-match-p "Kassym-Jomart Tokayev" text))
                (and text (substring text 0 (min 80 (length text))))))
    (goto-char (point-min))
    (search-forward "[[tokayev")
    (backward-char 3)
    (let* ((answer (ignore-errors (cp-request :textDocument/definition)))
           (locations (if (vectorp answer) (append answer nil) (and answer (list answer))))
           (uris (mapcar (lambda (l) (or (plist-get l :uri) (plist-get l :targetUri))) locations)))
      (cp-check "definition -> actors/tokayev.md"
                (and uris (cl-every (lambda (u) (string-suffix-p "/actors/tokayev.md" u)) uris))
                (mapconcat #'identity uris ", "))))
  (cp-finish))

(condition-case err (cp-main)
  (error (cp-check "script error" nil (error-message-string err)) (cp-finish)))
