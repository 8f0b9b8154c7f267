<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Corrige::Cli</name>
    <message>
        <source>corrige-cli: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing arguments.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session %1 does not exist. Create it first with: corrige-cli new %1 --exam EXAM.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a session file for an exam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session file to create (*.corrige).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exam definition (JSON).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXAM.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;new&apos; needs --exam EXAM.json, the exam&apos;s questions and points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name or remove it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the exam %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %1 for &quot;%2&quot; (%n question(s)).</source>
        <translation>
            <numerusform>Created %1 for &quot;%2&quot; (%n question).</numerusform>
            <numerusform>Created %1 for &quot;%2&quot; (%n questions).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add scanned copies to a session. Nothing is stored unless every PDF is valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF per copy, or big scans to split.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split every PDF into copies of N pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A CSV with a &apos;name&apos; column (and optional &apos;id&apos;, &apos;email&apos;) naming the copies in order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file whose first line is the password of protected PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--pages-per-copy takes a whole number of pages, 1 or more (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n copy(ies)</source>
        <translation>
            <numerusform>Imported %n copy</numerusform>
            <numerusform>Imported %n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n PDF(s).</source>
        <translation>
            <numerusform>from %n PDF.</numerusform>
            <numerusform>from %n PDFs.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the copies of a session and their grades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies):</source>
        <translation>
            <numerusform>%n copy:</numerusform>
            <numerusform>%n copies:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 graded, %2 to review, %3 failed, %4 pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the rubric of every question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the rubrics (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the missing rubrics with a model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rubric yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the exam file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drafted by a model, not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>written by the teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidelines: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: the criteria add up to %1 of %2 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: unknown command &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model provider: gemini, openai or compatible (Ollama, vLLM, llama.cpp).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaces the provider&apos;s scheme, host and prefix (http only for this computer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot; for --%2: use gemini, openai or compatible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the model to use with --%1 (for example the model you pulled in Ollama).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1. Set %2 in the environment, or save the key in Corrige&apos;s settings (system keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft a rubric with a model for every question that has none. Drafts are marked as AI drafts until a teacher edits them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the rubrics afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The blank exam as a PDF, shown to the model for context.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name one session file.
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every question already has a rubric; nothing to draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: no draft for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drafted the rubric of %1: %n criterion(s).</source>
        <translation>
            <numerusform>Drafted the rubric of %1: %n criterion.</numerusform>
            <numerusform>Drafted the rubric of %1: %n criteria.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review the drafts with: corrige-cli rubric %1 --show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade every copy that has no grade yet. Teacher grades are never changed. Keys come from GEMINI_API_KEY, OPENAI_API_KEY or CORRIGE_API_KEY, or the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single (one model) or dual (two models).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests in flight per model (1-32).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts per request (1-10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade again copies already graded by a model (teacher grades are kept).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the first page whole, name included (by default its top is hidden).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--mode is single or dual (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--concurrency takes a whole number from 1 to 32.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--max-attempts takes a whole number from 1 to 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: stopping; graded copies are kept (press Ctrl+C again to quit now).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) graded</source>
        <translation>
            <numerusform>%n copy graded</numerusform>
            <numerusform>%n copies graded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not graded (still pending)</source>
        <translation>
            <numerusform>%n not graded (still pending)</numerusform>
            <numerusform>%n not graded (still pending)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 input and %2 output tokens, about %3, in %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between the models: %1% exact, %2% within tolerance, mean difference %3 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n copy(ies)).</source>
        <translation>
            <numerusform>Wrote %1 (%n copy).</numerusform>
            <numerusform>Wrote %1 (%n copies).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted: %1 of %2 PDFs written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n annotated PDF(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n annotated PDF to %1.</numerusform>
            <numerusform>Wrote %n annotated PDFs to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file to write; for pdf, the folder to write the PDFs in (created if missing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace files that already exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;export&apos; needs the session file: corrige-cli export SESSION --format FORMAT --out PATH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;export&apos; takes one session file, but got also &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --out FILE, the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --out FOLDER, the folder to write the PDFs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or add --force to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file. Give the folder where the PDFs should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no copies to export yet. Import the scans first: corrige-cli import %1 PDF...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another folder, or add --force to replace the PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send each question with only the pages it is on (from the exam&apos;s &quot;pages&quot;), instead of the whole copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a scan even if its copies are already in the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n hour</numerusform>
            <numerusform>%n hours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2/%3): %4, %5 of %6 done, %7 failed, submitted %8 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: submitting; press Ctrl+C again to quit now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to grade: every copy is graded or already in a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) submitted</source>
        <translation>
            <numerusform>%n copy submitted</numerusform>
            <numerusform>%n copies submitted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n batch(es), at half the live price.</source>
        <translation>
            <numerusform>in %n batch, at half the live price.</numerusform>
            <numerusform>in %n batches, at half the live price.</numerusform>
        </translation>
    </message>
    <message>
        <source>Results usually come within hours, at most 24 h. Collect them with: corrige-cli batch %1 --wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has no batch. Submit one with: corrige-cli grade %1 --batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrige-cli: stopping; the batches keep running and can be collected later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) imported</source>
        <translation>
            <numerusform>%n copy imported</numerusform>
            <numerusform>%n copies imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n back to pending</source>
        <translation>
            <numerusform>%n back to pending</numerusform>
            <numerusform>%n back to pending</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still in a batch</source>
        <translation>
            <numerusform>%n still in a batch</numerusform>
            <numerusform>%n still in a batch</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 input and %2 output tokens, about %3 at the batch price.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies back to pending are graded by the next &apos;corrige-cli grade&apos; (live, or with --batch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n in a batch</source>
        <translation>
            <numerusform>%n in a batch</numerusform>
            <numerusform>%n in a batch</numerusform>
        </translation>
    </message>
    <message>
        <source>in a batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the copies as provider batches (Gemini, OpenAI): half price, results usually within hours, at most 24 h. Collect them with &apos;corrige-cli batch&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open in another Corrige (%2). Grading writes to it: close it there first, then grade again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Collect the session&apos;s batches: import what has finished, show the rest. By default each batch is collected from the server it was submitted to, with the provider&apos;s key from the environment or the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poll until every batch is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the batches still running, import what they completed, and put the other copies back to pending (grade them live afterwards).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: corrige-cli &lt;command&gt; [options]

Commands:
  new    SESSION --exam EXAM.json          create a session for an exam
  import SESSION PDF... [--pages-per-copy N] [--roster CSV] [--password-file FILE] [--allow-duplicate]
                                           add scanned copies
  rubric SESSION [--show] [--generate]     print the rubrics, or draft the missing ones with a model
  grade  SESSION [--mode single|dual] [--concurrency N] [--max-attempts N] [--regrade]
         [--provider P --model M --base-url URL] [--provider2 P --model2 M --base-url2 URL]
         [--batch]                         grade every copy not graded yet (--batch: as provider
                                           batches, half price, results within 24 h)
  batch  SESSION [--wait] [--cancel]       collect (or cancel) the submitted batches
  export SESSION --format csv|xlsx|moodle|pronote|pdf --out PATH [--force] [--allow-unreviewed]
         [--csv-dialect excel-fr|rfc4180] [--moodle-id email|idnumber|username]
                                           write the grades for a spreadsheet, Moodle or Pronote,
                                           or one annotated PDF per student
  status SESSION [--json]                  show the copies and their grades

Run &apos;corrige-cli &lt;command&gt; --help&apos; for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>corrige-cli: %n copy(ies) need review, failed, or are not graded:</source>
        <translation>
            <numerusform>corrige-cli: %n copy needs review, failed, or are not graded:</numerusform>
            <numerusform>corrige-cli: %n copies need review, failed, or are not graded:</numerusform>
        </translation>
    </message>
    <message>
        <source>Review them first (corrige-cli status, corrige-cli score), or add --allow-unreviewed to export anyway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting with %n copy(ies) not reviewed:</source>
        <translation>
            <numerusform>Exporting with %n copy not reviewed:</numerusform>
            <numerusform>Exporting with %n copies not reviewed:</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1, every PDF in class order, for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: no PDF for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export a session&apos;s grades: a spreadsheet (xlsx: numbers, text and statistics; csv: every question, for scripts or a spreadsheet; moodle: for Moodle&apos;s grade import; pronote: in Pronote&apos;s order, to paste), or one annotated PDF per copy (pdf). Copies that need review, failed or are not graded stop the export (exit 3) unless --allow-unreviewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv, xlsx, moodle, pronote or pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export even if some copies need review, failed or are not graded (they are listed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For csv: excel-fr (semicolons, decimal commas, BOM; the default in French) or rfc4180 (commas, decimal points; the default otherwise).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For moodle: the identifier Moodle maps users from: email (the default), idnumber or username. Copies without it are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For moodle: add a Feedback column (each question&apos;s justification and your comments).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For pdf: also write every PDF into this one file, in class order, for printing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --format csv, xlsx, moodle, pronote or pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot; for --format: use csv, xlsx, moodle, pronote or pdf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--csv-dialect is for --format csv only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown dialect &quot;%1&quot; for --csv-dialect: use excel-fr or rfc4180.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--moodle-id and --feedback are for --format moodle only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown identifier &quot;%1&quot; for --moodle-id: use email, idnumber or username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--merged is for --format pdf only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core</name>
    <message>
        <source>The demo file %1 is missing from this build of Corrige.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s answer does not describe a batch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::AnnotatedPdfExporter</name>
    <message>
        <source>%1 / %2</source>
        <extracomment>A score out of a maximum, e.g. &quot;2.5 / 4&quot;; &quot;–&quot; when there is no score yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student ID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Title of an annotated PDF: the exam, then the student</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read page %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No way to read the scans was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing annotated PDFs needs Qt&apos;s graphical libraries (a QGuiApplication) for its fonts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file. Give the folder where the PDFs should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another folder, or allow replacing the files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Check that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hard to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark to come.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total so far: %1 / %2 (%3 of %4 questions marked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — summary, page %2 of %3</source>
        <extracomment>Foot of each summary page of an annotated PDF: &quot;Ada Lovelace — summary, page 1 of 2&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot draw the summary of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot copy the scans of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scan of this session cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot merge the PDFs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <extracomment>A copy left without an annotated PDF: &quot;#4 Bob (grading failed)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grading failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or allow replacing it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::Anonymizer</name>
    <message>
        <source>A page image could not be decoded to hide the name area.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::AppInfo</name>
    <message>
        <source>Qt %1, built with %2</source>
        <extracomment>%1 Qt version in use, %2 Qt version Corrige was built with</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GNU Affero General Public License, version 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>windows, PDF display, network, SQLite access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF rendering, inside Qt PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the session file, through Qt SQL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>public domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading scanned pages without re-encoding them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>compression, used by qpdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JPEG images, used by qpdf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API keys in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the bundled demo session (from the Zesje project, TU Delft)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchClient</name>
    <message>
        <source>The server answered %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the connection; the batch is kept and checked again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was not acknowledged with a file id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was not given an address to send the file to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload was not acknowledged with a file name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchCollector</name>
    <message>
        <source>The batches are already being collected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key for %1, where batch %2 was submitted. Give the same key as when it was submitted (environment or keychain).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not cancel batch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the batches to find %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch was never created; its copies go back to waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found batch %1 again by its tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not check batch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the results of batch %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its batch ended before this request ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchFileWriter</name>
    <message>
        <source>Cannot write the batch file %1 (%2). Check there is space in the temporary folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One request is larger than a batch file may be (%1 MB). Grade this copy live, or send smaller page images.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchSubmitter</name>
    <message>
        <source>A batch is already being submitted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible servers have no Batch API: grade live with them, or choose Gemini or OpenAI for batch grading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the batch files (%1). Check the disk has space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The batch file could not be uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 batch was refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::CopyGrades</name>
    <message>
        <source>Only one model answered: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::CsvExporter</name>
    <message>
        <source>graded</source>
        <extracomment>The Status column of a CSV export for a copy with nothing left to do</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One question&apos;s flags in the Flags column of a CSV export, e.g. &quot;Question 2: blank, illegible&quot;
----------
One question in Moodle feedback: &quot;Question 1 (2/4): the justification&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (/%2)</source>
        <extracomment>CSV column of one question: its label and its maximum, e.g. &quot;Question 1 (/4)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no total yet: their cells are empty.</source>
        <translation>
            <numerusform>%n copy has no total yet: its cells are empty.</numerusform>
            <numerusform>%n copies have no total yet: their cells are empty.</numerusform>
        </translation>
    </message>
    <message>
        <source>Totals are out of %1 points: give the Moodle grade item a maximum grade of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2/%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <extracomment>A copy a Moodle export leaves out: &quot;#3 Jane Doe&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a username</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Left out %n copy(ies) without %1, since Moodle would give their grade to another student: %2. Complete the roster, or map on another identifier.</source>
        <translation>
            <numerusform>Left out %n copy without %1, since Moodle would give their grade to another student: %2. Complete the roster, or map on another identifier.</numerusform>
            <numerusform>Left out %n copies without %1, since Moodle would give their grade to another student: %2. Complete the roster, or map on another identifier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no total yet: their grade cell is &quot;-&quot;, which Moodle imports as no grade.</source>
        <translation>
            <numerusform>%n copy has no total yet: their grade cell is &quot;-&quot;, which Moodle imports as no grade.</numerusform>
            <numerusform>%n copies have no total yet: their grade cell is &quot;-&quot;, which Moodle imports as no grade.</numerusform>
        </translation>
    </message>
    <message>
        <source>In Moodle, map users from &quot;%1&quot; to &quot;%2&quot;, and the total to a new grade item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the &quot;Feedback&quot; column to the feedback of the same grade item.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no student name: they are listed last, by their label, and have no place in Pronote&apos;s column.</source>
        <translation>
            <numerusform>%n copy has no student name: they are listed last, by their label, and have no place in Pronote&apos;s column.</numerusform>
            <numerusform>%n copies have no student name: they are listed last, by their label, and have no place in Pronote&apos;s column.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows are sorted by last name, then first name, as Pronote lists the class: check that both lists have the same students before pasting.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::Exam</name>
    <message>
        <source>%1 is not valid JSON (line %2: %3). Fix the file and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 must contain a JSON object with &quot;title&quot; and &quot;questions&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the exam has no &quot;title&quot;. Add a title such as &quot;Physics test 3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;questions&quot; must be a non-empty list of questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: question %2 must be an object with &quot;id&quot;, &quot;text&quot; and &quot;maxPoints&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: question %2 has no &quot;id&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the question id &quot;%2&quot; is used twice. Give each question its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: question &quot;%2&quot; needs &quot;maxPoints&quot;, a number greater than 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;pages&quot; of question &quot;%2&quot; must be a list of page numbers, e.g. [1, 2].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;pages&quot; of question &quot;%2&quot; must hold whole page numbers from 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the &quot;rubric&quot; of question &quot;%2&quot; must be an object with &quot;criteria&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: &quot;criteria&quot; of question &quot;%2&quot; must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: every criterion of question &quot;%2&quot; needs a &quot;description&quot; and &quot;points&quot; (a number, 0 or more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the criteria of question &quot;%2&quot; add up to %3 points, more than its maximum of %4. Lower the criteria or raise &quot;maxPoints&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: question %2 has the id %3; use a whole number or a text such as &quot;q1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: question &quot;%2&quot; has &quot;maxPoints&quot; %3; a question is worth at most %4 points.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ExamDraft</name>
    <message>
        <source>The model&apos;s answer has no list of questions. Try again, or type the questions yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model found no question in the blank exam. Check that the PDF is the exam&apos;s question paper, or type the questions yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer is not an object. Try again, or type the questions yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer has no text. Try again, or type the questions yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer has invalid points (%2): they must be a number, 0 or more. Try again, or type the questions yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ExportFile</name>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name, ending in the export&apos;s own extension.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Give the name of the file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or allow replacing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist. Create it, or choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check that you may write in this folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space of the disk and that you may write there; nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space of the disk; nothing was replaced.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::GradingOrchestrator</name>
    <message>
        <source>Grading is already running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s server cannot be reached (%1). Check the connection, then grade again: the copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal error while preparing the requests.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::GradingResponse</name>
    <message>
        <source>The model&apos;s answer has no list of questions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model gave no usable score for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s answer leaves out %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ImportPlanner</name>
    <message>
        <source>%1 or %2</source>
        <extracomment>The end of a list of numbers: &quot;2, 4, 5 or 10&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No PDF was given. Choose the scanned PDFs to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages per copy must be 0 (one copy per PDF) or more, not %1. Check --pages-per-copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no pages. Choose the PDF that contains the scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 pages, which cannot be split into copies of %3 pages. Check --pages-per-copy (for example %4 would fit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roster has %1 names but the scans make %2 copies. Make the roster list one student per copy, in scan order, or check --pages-per-copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::LlmClient</name>
    <message>
        <source>This request was prepared for another provider than %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection was refused (is the server running?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server closed the connection before the reply was complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server name could not be found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the network is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the secure connection could not be established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server redirected the request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::PageImageExtractor</name>
    <message>
        <source>The page image settings are out of range (long side %1 px, quality %2, %3 bytes). Use a long side of at least %4 px, a quality from 1 to 100 and at least 1024 bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF of this copy cannot be read. Import the scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 does not exist: the PDF has %2 pages. Import the scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the PDF cannot be turned into an image. Check the scan, or import it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::PdfInspector</name>
    <message>
        <source>The password for %1 is not correct. Check it (capitals, keyboard layout) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is protected by a password. Give its password to import it, or import an unprotected copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 uses a kind of protection Corrige cannot open. Save an unprotected copy of it and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened. Export or scan it again, or repair it with a PDF tool.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not found. Check the path, or put the file back and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a PDF file. Choose the scanned PDF inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Check that you are allowed to open it, or copy it somewhere else first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Copy it to a local disk and import the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), not a PDF. Copy the scan again from its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PDF file. Choose the PDF made by the scanner (export other files to PDF first).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is incomplete: the end of the file is missing. Copy or download it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no pages. Choose the PDF that contains the scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opens with this password but cannot be decrypted. Save an unprotected copy of it and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opens with this password but its decrypted copy is unreadable. Save an unprotected copy of it and import that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is damaged: its list of pages is broken. Export or scan it again, or repair it with a PDF tool.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ReviewGate</name>
    <message>
        <source>grading failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grading failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the models disagree on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <extracomment>One copy an export lists before writing: &quot;#3 Ada Lovelace: grading failed: quota exhausted&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::RosterCsv</name>
    <message>
        <source>%1 has a quote opened on line %2 that is never closed. Close the quote or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is empty. Put a header row with a &quot;name&quot; column, then one student per line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no &quot;name&quot; column (its header row is: %2). Name the column of student names &quot;name&quot; or &quot;nom&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a header row but no students. Add one student per line under it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %2 of %1 has no name. Fill in the name or delete the row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a plain text CSV file (it holds NUL characters). Save it from the spreadsheet as &quot;CSV UTF-8&quot; and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::RubricDraft</name>
    <message>
        <source>The model&apos;s draft for %1 has no usable criteria. Try again or write the rubric yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s draft for %1 does not fit its %2 points. Try again or write the rubric yourself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SecretStore</name>
    <message>
        <source>Google Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain did not give the key for %1 (%2). Allow Corrige to use the keychain, or enter the key again in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for %1 is empty. Paste the key from your account page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available, so the key for %1 is kept in memory only until Corrige closes. Enter it again next time, or set the environment variable %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for %1 could not be saved in the system keychain (%2). It is kept in memory only until Corrige closes. Enter it again next time, or set the environment variable %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key for %1 could not be deleted from the system keychain (%2). Remove the entry &quot;%3&quot; of the service &quot;%4&quot; with your keychain manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The environment variable %1 still holds a key for %2; Corrige uses it until the variable is unset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from an environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in memory until Corrige closes; you will need to enter it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from the environment variable %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionDatabase</name>
    <message>
        <source>The session file %1 does not exist. Check the path, or create a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the session file %1: %2. Check that it is a file you may read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Corrige session file. Open a file ending in .corrige, or create a new session and import the scans into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session file %1 is damaged (it is shorter than it should be; was the copy interrupted?). Corrige has not changed it: restore it from a backup or copy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session file %1 is damaged (%2). Corrige has not changed it: restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its version is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its version is unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Corrige (session format %2; this version reads up to format %3). Update Corrige to open it; the file was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the session file %1: %2. Check the folder exists and you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot prepare the session file %1: %2. Check you may write to its folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it instead of creating it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Create it first or choose another place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 in the session file %2 (%3). Nothing was changed; check the disk has space and the file is not read-only or open in another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the upgrade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upgrade the file to format %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the file format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan %1 is missing from the session file %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import plan names a missing scan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>finish the import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The exam has no question %1. Check the question id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the rubric of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a graded copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the request log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no copy %1 in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update the copy&apos;s status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range for %2: give a score between 0 and %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save your grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save the student&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>update the copies&apos; status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>start the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finish the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session file %1 has changes not yet merged into it (in %1-wal), and its folder is read-only. Copy both files to a folder you may write to, and open the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names page %2 of a scan that has %3 pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read a scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the session file %1 (%2). Nothing was changed; check the disk, or restore the file from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record a batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save a batch&apos;s state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>save your comment</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionImport</name>
    <message>
        <source>No PDF to import. Name one or more PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number of pages per copy must be 1 or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the roster %1: %2. Check the path and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is given twice (the same file under two names?). Import each scan once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in this session: importing it again would add its copies a second time. Leave it out, or add --allow-duplicate to import it again on purpose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionLock</name>
    <message>
        <source>Cannot write the lock file of %1 (%2). Check the disk has space and you may write to the session&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file beside %1 (%2). Check you may write to the session&apos;s folder, or copy the session somewhere you may.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the lock file of %1 (%2). Check you may read the session&apos;s folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another Corrige that is opening it right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is open in another Corrige: %2. Close it there first; meanwhile it can only be read here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being opened by another Corrige right now. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionLockOwner</name>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3, process %4)</source>
        <extracomment>%1 user, %2 computer, %3 program, %4 process number</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (%3, process %4), since %5</source>
        <extracomment>%1 user, %2 computer, %3 program, %4 process number, %5 date and time</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionStore</name>
    <message>
        <source>No session is open. Open or create one first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::StoreCalls</name>
    <message>
        <source>No session is open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Core::XlsxExporter</name>
    <message>
        <source>Cannot create a temporary folder for the spreadsheet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (/%2)</source>
        <extracomment>Spreadsheet column of one question: its label and its maximum, e.g. &quot;Question 1 (/4)&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (/%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark (/20)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>models disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write the spreadsheet: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the spreadsheet back: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::AboutDialog</name>
    <message>
        <source>About Corrige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades scanned, handwritten exam copies with vision language models. You review every grade; yours always win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige is free software under the %1 (%2), and comes with no warranty. &lt;a href=&quot;%3&quot;&gt;Read the help&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige uses and, in its installers, includes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Licence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::BatchController</name>
    <message>
        <source>The batch could not be submitted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) submitted as a batch; the results will be imported as they come.</source>
        <translation>
            <numerusform>%n copy submitted as a batch; the results will be imported as they come.</numerusform>
            <numerusform>%n copies submitted as a batch; the results will be imported as they come.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to submit: every copy is graded or already in a batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) imported from the batches.</source>
        <translation>
            <numerusform>%n copy imported from the batches.</numerusform>
            <numerusform>%n copies imported from the batches.</numerusform>
        </translation>
    </message>
    <message>
        <source>The batches are cancelled: what they completed is imported, the other copies can be graded live with Grade all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the batch…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::BatchPanel</name>
    <message>
        <source>Cancel the batches and grade the rest live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the batches completed is imported; the other copies go back to “not graded”, ready for Grade all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>being cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished, importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never created</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2: %3, %4 of %5 done, %6 failed, sent %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) out: half price, results usually within hours, at most 24 h</source>
        <translation>
            <numerusform>%n batch out: half price, results usually within hours, at most 24 h</numerusform>
            <numerusform>%n batches out: half price, results usually within hours, at most 24 h</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CopyFilterProxy</name>
    <message>
        <source>All copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CopyListModel</name>
    <message>
        <source>Not graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions flagged blank, illegible, suspicious, clamped or to review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no student name yet. Double-click to type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Double-click to edit the student&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In a batch</source>
        <extracomment>A copy sent in a batch whose results have not come back yet</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CriteriaModel</name>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moodle grade import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronote (paste into the marks table)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotated PDFs, one per student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace existing files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you import the file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>grades</source>
        <extracomment>Part of a suggested file name: &quot;&lt;exam title&gt; - grades.csv&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moodle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pronote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - annotated PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - %2.csv</source>
        <extracomment>A suggested file name: exam title, then the format</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you send the PDFs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder for the annotated PDFs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file. Choose the folder where the PDFs should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is closed: open it again to export its PDFs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A scan of this session could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the PDF being written…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export stopped: %1 of %2 PDFs written to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n annotated PDF(s) to %1.</source>
        <translation>
            <numerusform>Wrote %n annotated PDF to %1.</numerusform>
            <numerusform>Wrote %n annotated PDFs to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n copy(ies)).</source>
        <translation>
            <numerusform>Wrote %1 (%n copy).</numerusform>
            <numerusform>Wrote %1 (%n copies).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Open the folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (Excel, LibreOffice)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every question as numbers, the total, the mark out of 20, the status, and a sheet of statistics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same columns as plain text, for scripts or a spreadsheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One identifier and the total (and feedback), for Moodle&apos;s &quot;Import grades from CSV&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;NOM Prénom&quot; in Pronote&apos;s order and the mark out of 20, with decimal commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A summary with each score, its justification and your comments, then the original scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French spreadsheet (semicolons, decimal commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard CSV (commas, decimal points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rfc4180</source>
        <extracomment>The CSV spelling chosen by default in this language: &quot;excel-fr&quot; in French, &quot;rfc4180&quot; otherwise</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map users from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %n copies)</source>
        <extracomment>A Moodle identifier and how many copies have it: &quot;Email address (4 of 5 copies)&quot;</extracomment>
        <translation>
            <numerusform>%1 (%2 of %n copy)</numerusform>
            <numerusform>%1 (%2 of %n copies)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Feedback column with each question&apos;s justification and your comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also one &amp;PDF of the whole class, for printing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - grades.xlsx</source>
        <extracomment>A suggested file name: &quot;&lt;exam title&gt; - grades.xlsx&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No PDF for %n copy(ies) not graded or whose grading failed: %1.</source>
        <translation>
            <numerusform>No PDF for %n copy not graded or whose grading failed: %1.</numerusform>
            <numerusform>No PDF for %n copies not graded or whose grading failed: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) need review, failed, or are not graded: you will be asked before writing.</source>
        <translation>
            <numerusform>%n copy needs review, failed, or are not graded: you will be asked before writing.</numerusform>
            <numerusform>%n copies need review, failed, or are not graded: you will be asked before writing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) need review, failed, or are not graded:</source>
        <translation>
            <numerusform>%n copy needs review, failed, or are not graded:</numerusform>
            <numerusform>%n copies need review, failed, or are not graded:</numerusform>
        </translation>
    </message>
    <message>
        <source>Review before exporting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 - whole class.pdf</source>
        <extracomment>The single PDF of the whole class, in the folder of the annotated PDFs</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::FlagTags</name>
    <message>
        <source>Blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illegible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clamped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model found no answer to this question.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model could not read part of the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy contains text aimed at the grader (for example an instruction to give full marks). The model reported it instead of obeying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model gave a score outside the allowed range; it was brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two models disagree beyond the tolerance, or the model was unsure. Your decision is needed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradeAllController</name>
    <message>
        <source>The rubric could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rubric could not be saved in the session, so grading was not started.

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading could not start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradePanel</name>
    <message>
        <source>Select a copy to see its grades.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the justification and transcription of every question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2: next or previous question. Type a score, Enter confirms and goes on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide all details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n to review</numerusform>
            <numerusform>%n to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not graded</source>
        <translation>
            <numerusform>%n not graded</numerusform>
            <numerusform>%n not graded</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between parts of the copy&apos;s summary</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment on the whole copy, for the student</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradeSetupDialog</name>
    <message>
        <source>Google Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade all copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how to grade, then start. You can stop at any time; copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade “%1”. Choose how, then start. You can stop at any time; copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;One model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Two models, compared (dual mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Regrade copies already graded by a model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade again the questions a model has already graded. Your own grades are never replaced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s identifier as the provider spells it, for example gemini-2.5-flash or gpt-4.1-mini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the API key, the server address or the prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example llama3.2-vision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each copy is graded by both models. Where they disagree beyond the tolerance, the question is flagged for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each copy is graded once. Two models cost twice as much but flag the answers they disagree on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to grade: every copy already has a grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies to grade: %1 of %2 (%3 questions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped, already graded by a model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped, graded by you: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed last time, graded again: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copy is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every copy is already graded. Tick “Regrade copies already graded by a model” to grade them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no copy to grade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 sent, %2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From list prices, without retries. Your provider&apos;s bill is what counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown: no price set for %1 (Settings › Prices)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1, plus %2 (no price set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the %1 variable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed in this session, not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>looking for it…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (most local servers need none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter it in Settings, or set the %1 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide the top of each first page, where names are written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The models then see only the copy&apos;s number, never the student&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send each question with only the &amp;pages it is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the pages given for each question in the exam: smaller requests, but one request per group of questions instead of one per copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Batch: half price, results usually within hours, at most 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends the copies through the provider&apos;s Batch API (Gemini or OpenAI). Corrige imports the results when they come, while the session is open or the next time you open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 at the batch price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half the list prices, without retries. Your provider&apos;s bill is what counts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::HelpWindow</name>
    <message>
        <source>Corrige help</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::MainWindow</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade the copies left, keeping every grade already stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copy matches this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the student&apos;s &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next pa&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next page of this copy (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous p&amp;age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous page of this copy (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grade all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rubrics…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige sessions (*.corrige);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo could not be prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies are being graded in this session. Stop grading and open %1? Every grade already received is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies are being graded. Stop grading and close the session? Every grade already received is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scan of this copy cannot be shown (the PDF stored in the session does not open).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score of %1, %2: %3 → %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>student&apos;s name: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies are being graded. Stop grading and quit? Every grade already received is kept; grading again later goes on with the copies left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies imported: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies: %1 · graded %2 · to review %3 · failed %4 · not graded %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last grading run stopped with %n copies left.</source>
        <translation>
            <numerusform>The last grading run stopped with %n copy left.</numerusform>
            <numerusform>The last grading run stopped with %n copies left.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−</source>
        <extracomment>Short label of the zoom-out button above the scan</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+</source>
        <extracomment>Short label of the zoom-in button above the scan</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a&amp;gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the session again, for writing if the other Corrige has closed it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige &amp;help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Corrige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (read-only)</source>
        <extracomment>Window title: %1 exam, %2 session file</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1 is open in another Corrige, by %2. You can read and export it here; to change it, close it there, then open it again here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: %1 was open in another Corrige, which has closed it since. Open it again to make changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session is read-only: another Corrige writes to it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::NewSessionDialog</name>
    <message>
        <source>page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pages %1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Describe the exam and add the scanned copies. Corrige checks every file now; nothing is written until you press Create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import scans</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Add scanned copies to “%1”. The new copies follow the %n already in the session; nothing is written until you press Import.</source>
        <translation>
            <numerusform>Add scanned copies to “%1”. The new copies follow the %n already in the session; nothing is written until you press Import.</numerusform>
            <numerusform>Add scanned copies to “%1”. The new copies follow the %n already in the session; nothing is written until you press Import.</numerusform>
        </translation>
    </message>
    <message>
        <source>1. The exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Physics — test 3 — class 2B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>French</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language the copies are written in; the models justify their grades in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>language code, e.g. de, es, it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Load exam JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in the title and the questions (with their rubrics) from an exam file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short key for the question, unique in the exam (q1, 2a…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The question&apos;s maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the question up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the question down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. The scanned copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scanned copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;PDFs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password of a protected PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF per copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One scan of the whole class, cut every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a CSV with a name column, one student per copy, in order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roster:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. The copies Corrige will create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copies Corrige will add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load the exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check that the file exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the exam a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the language of the copies (a code such as de, es or it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the exam&apos;s questions, or load its JSON file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 has no id: give it a short one such as q%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two questions have the id “%1”: each question needs its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question %1 is worth 0 points: set its maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add scanned copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password-protected PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of the protected PDFs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter it to import the scans; Corrige stores an unprotected copy inside the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That password does not open %1. Try again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the class roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the roster %1: %2. Check the file, or remove the roster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the scanned copies: one or more PDF files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the scans to see the copies here, with the first page of each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problems below to see the copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs its password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready: Create asks where to save the session, then imports the scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the new session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrige sessions (*.corrige)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists. Corrige never replaces a session: choose another name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was closed. Open it again to import scans.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the scans…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking and storing the scans (%1 of %2)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No session is open. Open one, then import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roster %1 has %2 names but the scans make %3 copies. Make the roster list one student per copy, in scan order, or change how the scans are cut into copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies: %1 · pages: %2. Check that each copy starts on its first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — pages: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum total: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 pages, which cannot be cut into copies of %3 pages. Set the pages per copy to a number that fits (%4), or scan the missing pages again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The scans cannot be cut into copies of %1 pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Draft from the blank exam…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model A reads the blank exam&apos;s PDF and lists its questions, for you to check and complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the questions from the blank exam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is set up to draft the exam. Choose model A in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the key of model A…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the pages of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Model A is reading %n page(s) of the blank exam…</source>
        <translation>
            <numerusform>Model A is reading %n page of the blank exam…</numerusform>
            <numerusform>Model A is reading %n pages of the blank exam…</numerusform>
        </translation>
    </message>
    <message>
        <source>The exam could not be drafted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the questions?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The model found %n question(s) in the blank exam. Replace the questions already in the table with them?</source>
        <translation>
            <numerusform>The model found %n question in the blank exam. Replace the questions already in the table with it?</numerusform>
            <numerusform>The model found %n questions in the blank exam. Replace the questions already in the table with them?</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft was set aside; your questions are unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Drafted %n question(s) from the blank exam: check each one against the paper.</source>
        <translation>
            <numerusform>Drafted %n question from the blank exam: check it against the paper.</numerusform>
            <numerusform>Drafted %n questions from the blank exam: check each one against the paper.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only its first %1 of %2 pages were read; add the questions of the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no points printed: set their maximum.</source>
        <translation>
            <numerusform>%n question has no points printed: set its maximum.</numerusform>
            <numerusform>%n questions have no points printed: set their maximum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scans already imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in this session. Importing it again adds its copies a second time.

Import it again anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already in this session. Remove it from the list to import the others.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::ProgressDialog</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m copies</source>
        <extracomment>Inside the progress bar: copies done of all copies.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated from the prices in Settings; your provider&apos;s bill is what counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost so far:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Graded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To review:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not graded:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading goes on in the background; the main window can show this window again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop grading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies already graded are kept; the others stay to be graded later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review first flagged copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A failed copy in the list: &quot;Copy 3: the model&apos;s answer was cut off&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop grading?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop grading? Copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the copies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now grading: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>almost done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping… Copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading stopped because of an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading stopped. Copies already graded are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading finished, with failures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting ready to grade…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No copies to grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent · %2 received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no price set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the price of the model in Settings › Prices to see an estimate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed copies: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed copies: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (the models disagreed or were unsure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Grade all again retries them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Grade all again grades them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agreement between the two models, over %1 questions: same score %2 %, within tolerance %3 %, mean difference %4 points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grading “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::QuestionGradeCard</name>
    <message>
        <source>Confidence: %1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your score and press Enter. Leave it empty and press Enter to go back to the model&apos;s score.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You set this score. Later grading runs never change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use AI score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove your score and use the model&apos;s again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification and transcription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the model read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not graded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take A: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use model A&apos;s score (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take B: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use model B&apos;s score (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mean: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mean of both, rounded to steps of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not graded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment for the student (shown in the PDF and in Moodle&apos;s feedback)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::RubricDialog</name>
    <message>
        <source>Review the rubric before grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same rubric is used for every copy. Changes apply to the next grading run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft missing rubrics with AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model to draft a rubric for every question that has none. You review the drafts before grading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores in steps of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grades for this question are rounded to a multiple of this step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a criterion below the selected one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft with AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the model to draft the criteria of this question. The draft replaces the current criteria; you can undo it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidelines for the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to accept, common mistakes, how to give partial credit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(No question text in the exam file.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafted by AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the exam file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rubric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI draft, not reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sums to %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>question label, then its rubric status on a second line</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model is drafting the criteria of this question…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No criteria yet: add some, or draft them with AI.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting the rubric of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafting rubrics: %1 of %2 done…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a criterion to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove a criterion from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move a criterion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a criterion of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft the rubric of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not draft the rubric of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no rubric; the model will grade from the question alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: drafted by AI, not reviewed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a criterion has no description.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some rubrics need attention:

%1

%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rubric?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard your changes to the rubric?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the rubric of each question, then continue to the choice of models. The same rubric is used for every copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Maximum: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2: more than the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2: some points cannot be earned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: criteria add up to %2 of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to grading?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::RubricDrafter</name>
    <message>
        <source>The exam has no question “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::SettingsDialog</name>
    <message>
        <source>Google Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI-compatible server (Ollama, vLLM, llama.cpp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Grading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two models, compared (dual mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In dual mode two models grade each copy independently; questions where they disagree beyond the tolerance are left for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gr&amp;ading mode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model B (dual mode only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model&apos;s identifier as the provider spells it, for example gemini-2.5-flash or gpt-4.1-mini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s official address. Plain http:// is allowed only to this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mod&amp;el:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys are kept in the system keychain, never in the settings file. Leave a field empty to keep the current key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is available: a key entered here is kept in memory until Corrige closes, never in the settings file. To keep a key, set its environment variable. Leave a field empty to keep the current key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a new key to replace the current one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchecked, the key is used until Corrige closes and then forgotten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the key of %1 from the keychain and from memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem&amp;ini key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op&amp;enAI key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most this many requests are sent at once. Corrige slows down by itself when a provider limits the rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Requests at the same time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a copy is sent before it is marked as failed, the first attempt included. Failed copies can be graded again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Attempts per copy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Suffix of a number of seconds</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Time allowed per request:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <extracomment>Suffix of a number of points in a grade</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dual mode tolerance, poi&amp;nts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dual mode tolerance, % of the &amp;question:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two grades agree when they differ by at most the larger of the two tolerances; otherwise the question is left for you to decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide student names from the models in new sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A mask hides the name area of each first page, and copies are sent under a pseudonym.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prices in US dollars per million tokens, for the cost shown during grading. They replace Corrige&apos;s built-in prices for these models.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input ($ / M tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output ($ / M tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Price per model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used the next time Corrige starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for example %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>model B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the name of the model the server serves for %1, for example %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An OpenAI-compatible server needs its address for %1, for example %2 for Ollama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL of %1, “%2”, is not a web address. Write it like https://example.com/v1, or leave it empty for the provider&apos;s default.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The base URL of %1 uses plain http:// to another computer, which would send your key unencrypted. Use https://, or http:// only to localhost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The model “%1” appears twice in the price table. Keep one row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be written to %1. Check that the folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgetting the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the keys…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The other settings are saved. A key needs your attention: see the message under it, then press OK again or Cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current key could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::StartPage</name>
    <message>
        <source>Corrige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grade a class&apos;s scanned handwritten copies with AI models, then review and correct every grade yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from the exam&apos;s questions and the scanned copies (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a .corrige session file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five real scanned copies of a short exam, to try Corrige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recent sessions yet. Sessions you open or create appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can also drop a .corrige session, or the scanned PDFs of a new exam, anywhere on this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1    (in %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeminiProvider</name>
    <message>
        <source>the body is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply holds no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply holds no text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JsonReplyCheck</name>
    <message>
        <source>the answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the answer does not follow the requested format: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LlmErrors</name>
    <message>
        <source>The server said: “%1”</source>
        <extracomment>%1 is the error message of the model&apos;s server, usually in English</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 received no API key (HTTP %2). Enter the key in the provider settings or set the %3 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2). Check the key in the provider settings or in the %3 environment variable: it may be mistyped, revoked, or not allowed to use this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 says the account has used up its quota or credit (HTTP %2); retrying will not help. Check the plan and billing on the provider&apos;s website, then grade again: Corrige resumes where it stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is limiting the request rate (HTTP %2). Corrige waits and tries again by itself; if this keeps happening, lower the number of parallel requests.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 had a temporary problem (HTTP %2). Corrige tries again by itself; if it persists, grade again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected the request (HTTP %2). Check the model and server address in the provider settings; a page image may also be unreadable for this model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not offer the requested model, or the server address is wrong (HTTP %2). Check the model name and server address in the provider settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sent a reply Corrige could not use (%2). Corrige tries once more; if it keeps happening, choose another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 stopped before the end of its reply (%2): it reached the maximum output length. Raise the maximum output tokens in the provider settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 blocked this request with its safety filter (%2). Grade this copy by hand, or try another provider.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 declined to answer. Grade this copy by hand, or try another model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s). Corrige tries again by itself; if it keeps happening, raise the timeout in the provider settings or check the connection.</source>
        <translation>
            <numerusform>%1 did not answer within %n second. Corrige tries again by itself; if it keeps happening, raise the timeout in the provider settings or check the connection.</numerusform>
            <numerusform>%1 did not answer within %n seconds. Corrige tries again by itself; if it keeps happening, raise the timeout in the provider settings or check the connection.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not talk to %1: %2. Check the internet connection and the server address in the provider settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 answered with a redirection (HTTP %2), which Corrige does not follow so the key is never sent elsewhere. Check the server address in the provider settings.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OpenAiProvider</name>
    <message>
        <source>the body is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply holds no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reply holds no text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProviderConfig</name>
    <message>
        <source>Gemini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the OpenAI-compatible server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; is not a valid URL. Write it like https://example.org/v1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must start with https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; uses plain http, which is only allowed for a server on this computer (127.0.0.1, ::1 or localhost). Use https:// instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must not contain a user name or password. Enter the key in the key field instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must not contain &quot;?&quot; or &quot;#&quot;. Give only the scheme, host and path prefix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model is set for %1. Choose a model in the provider settings or pass --model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API key is set for %1. Enter it in the provider settings or set the %2 environment variable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The timeout and the maximum output length must be positive.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Grade scanned exam copies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled demo session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A session file to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a separate Corrige even if one is already running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
