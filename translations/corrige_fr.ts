<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Corrige::Cli</name>
    <message>
        <source>corrige-cli: %1</source>
        <translation>corrige-cli&#xa0;: %1</translation>
    </message>
    <message>
        <source>missing arguments.
%1</source>
        <translation>arguments manquants.
%1</translation>
    </message>
    <message>
        <source>The session %1 does not exist. Create it first with: corrige-cli new %1 --exam EXAM.json</source>
        <translation>La session %1 n&apos;existe pas. Créez-la d&apos;abord avec&#xa0;: corrige-cli new %1 --exam EXAM.json</translation>
    </message>
    <message>
        <source>Create a session file for an exam.</source>
        <translation>Crée un fichier de session pour un examen.</translation>
    </message>
    <message>
        <source>The session file to create (*.corrige).</source>
        <translation>Le fichier de session à créer (*.corrige).</translation>
    </message>
    <message>
        <source>The exam definition (JSON).</source>
        <translation>La description de l&apos;examen (JSON).</translation>
    </message>
    <message>
        <source>EXAM.json</source>
        <translation>EXAM.json</translation>
    </message>
    <message>
        <source>&apos;new&apos; needs --exam EXAM.json, the exam&apos;s questions and points.</source>
        <translation>«&#xa0;new&#xa0;» demande --exam EXAM.json, les questions de l&apos;examen et leurs points.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name or remove it first.</source>
        <translation>%1 existe déjà. Choisissez un autre nom ou supprimez-le d&apos;abord.</translation>
    </message>
    <message>
        <source>Cannot read the exam %1: %2.</source>
        <translation>Impossible de lire l&apos;examen %1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <source>Created %1 for &quot;%2&quot; (%n question(s)).</source>
        <translation>
            <numerusform>Session %1 créée pour «&#xa0;%2&#xa0;» (%n question).</numerusform>
            <numerusform>Session %1 créée pour «&#xa0;%2&#xa0;» (%n questions).</numerusform>
        </translation>
    </message>
    <message>
        <source>Add scanned copies to a session. Nothing is stored unless every PDF is valid.</source>
        <translation>Ajoute des copies numérisées à une session. Rien n&apos;est enregistré si l&apos;un des PDF n&apos;est pas valide.</translation>
    </message>
    <message>
        <source>The session file.</source>
        <translation>Le fichier de session.</translation>
    </message>
    <message>
        <source>One PDF per copy, or big scans to split.</source>
        <translation>Un PDF par copie, ou de grosses numérisations à découper.</translation>
    </message>
    <message>
        <source>Split every PDF into copies of N pages.</source>
        <translation>Découpe chaque PDF en copies de N pages.</translation>
    </message>
    <message>
        <source>A CSV with a &apos;name&apos; column (and optional &apos;id&apos;, &apos;email&apos;) naming the copies in order.</source>
        <translation>Un CSV avec une colonne «&#xa0;nom&#xa0;» (et, au besoin, «&#xa0;numéro&#xa0;» et «&#xa0;courriel&#xa0;») qui nomme les copies dans l&apos;ordre.</translation>
    </message>
    <message>
        <source>A file whose first line is the password of protected PDFs.</source>
        <translation>Un fichier dont la première ligne est le mot de passe des PDF protégés.</translation>
    </message>
    <message>
        <source>--pages-per-copy takes a whole number of pages, 1 or more (got &quot;%1&quot;).</source>
        <translation>--pages-per-copy attend un nombre entier de pages, 1 ou plus (reçu&#xa0;: «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>Cannot read the password file %1: %2.</source>
        <translation>Impossible de lire le fichier de mot de passe %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Checking PDFs</source>
        <translation>Vérification des PDF</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n copy(ies)</source>
        <translation>
            <numerusform>%n copie importée</numerusform>
            <numerusform>%n copies importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>from %n PDF(s).</source>
        <translation>
            <numerusform>à partir de %n PDF.</numerusform>
            <numerusform>à partir de %n PDF.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show the copies of a session and their grades.</source>
        <translation>Affiche les copies d&apos;une session et leurs notes.</translation>
    </message>
    <message>
        <source>Print JSON for scripts.</source>
        <translation>Affiche du JSON pour les scripts.</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies):</source>
        <translation>
            <numerusform>%n copie&#xa0;:</numerusform>
            <numerusform>%n copies&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 graded, %2 to review, %3 failed, %4 pending</source>
        <translation>%1 notée(s), %2 à revoir, %3 en échec, %4 en attente</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>graded</source>
        <translation>notée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>à revoir</translation>
    </message>
    <message>
        <source>Show the rubric of every question.</source>
        <translation>Affiche le barème de chaque question.</translation>
    </message>
    <message>
        <source>Print the rubrics (the default).</source>
        <translation>Affiche les barèmes (par défaut).</translation>
    </message>
    <message>
        <source>Draft the missing rubrics with a model.</source>
        <translation>Fait rédiger les barèmes manquants par un modèle.</translation>
    </message>
    <message>
        <source>%1 (%2 points)</source>
        <translation>%1 (sur %2)</translation>
    </message>
    <message>
        <source>No rubric yet.</source>
        <translation>Pas encore de barème.</translation>
    </message>
    <message>
        <source>from the exam file</source>
        <translation>issu du fichier d&apos;examen</translation>
    </message>
    <message>
        <source>drafted by a model, not reviewed</source>
        <translation>proposé par un modèle, non relu</translation>
    </message>
    <message>
        <source>written by the teacher</source>
        <translation>rédigé par l&apos;enseignant</translation>
    </message>
    <message>
        <source>Rubric (%1):</source>
        <translation>Barème (%1)&#xa0;:</translation>
    </message>
    <message>
        <source>Guidelines: %1</source>
        <translation>Consignes&#xa0;: %1</translation>
    </message>
    <message>
        <source>Note: the criteria add up to %1 of %2 points.</source>
        <translation>Remarque&#xa0;: total des critères %1 sur %2.</translation>
    </message>
    <message>
        <source>corrige-cli: unknown command &apos;%1&apos;.</source>
        <translation>corrige-cli&#xa0;: commande inconnue «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Model provider: gemini, openai or compatible (Ollama, vLLM, llama.cpp).</source>
        <translation>Fournisseur du modèle&#xa0;: gemini, openai ou compatible (Ollama, vLLM, llama.cpp).</translation>
    </message>
    <message>
        <source>Model name.</source>
        <translation>Nom du modèle.</translation>
    </message>
    <message>
        <source>Replaces the provider&apos;s scheme, host and prefix (http only for this computer).</source>
        <translation>Remplace le schéma, l&apos;hôte et le préfixe du fournisseur (http seulement pour cet ordinateur).</translation>
    </message>
    <message>
        <source>Unknown provider &quot;%1&quot; for --%2: use gemini, openai or compatible.</source>
        <translation>Fournisseur inconnu «&#xa0;%1&#xa0;» pour --%2&#xa0;: utilisez gemini, openai ou compatible.</translation>
    </message>
    <message>
        <source>Name the model to use with --%1 (for example the model you pulled in Ollama).</source>
        <translation>Indiquez le modèle à utiliser avec --%1 (par exemple le modèle téléchargé dans Ollama).</translation>
    </message>
    <message>
        <source>No API key for %1. Set %2 in the environment, or save the key in Corrige&apos;s settings (system keychain).</source>
        <translation>Aucune clé d&apos;API pour %1. Définissez %2 dans l&apos;environnement, ou enregistrez la clé dans les paramètres de Corrige (trousseau du système).</translation>
    </message>
    <message>
        <source>Draft a rubric with a model for every question that has none. Drafts are marked as AI drafts until a teacher edits them.</source>
        <translation>Fait rédiger par un modèle le barème de chaque question qui n&apos;en a pas. Ces barèmes restent marqués comme proposés par l&apos;IA tant qu&apos;un enseignant ne les a pas modifiés.</translation>
    </message>
    <message>
        <source>Print the rubrics afterwards.</source>
        <translation>Affiche ensuite les barèmes.</translation>
    </message>
    <message>
        <source>The blank exam as a PDF, shown to the model for context.</source>
        <translation>Le sujet vierge en PDF, montré au modèle pour le contexte.</translation>
    </message>
    <message>
        <source>name one session file.
%1</source>
        <translation>indiquez un fichier de session.
%1</translation>
    </message>
    <message>
        <source>Every question already has a rubric; nothing to draft.</source>
        <translation>Chaque question a déjà un barème&#xa0;; rien à rédiger.</translation>
    </message>
    <message>
        <source>corrige-cli: no draft for %1: %2</source>
        <translation>corrige-cli&#xa0;: pas de proposition pour %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <source>Drafted the rubric of %1: %n criterion(s).</source>
        <translation>
            <numerusform>Barème de %1 rédigé&#xa0;: %n critère.</numerusform>
            <numerusform>Barème de %1 rédigé&#xa0;: %n critères.</numerusform>
        </translation>
    </message>
    <message>
        <source>Review the drafts with: corrige-cli rubric %1 --show</source>
        <translation>Relisez les propositions avec&#xa0;: corrige-cli rubric %1 --show</translation>
    </message>
    <message>
        <source>Grade every copy that has no grade yet. Teacher grades are never changed. Keys come from GEMINI_API_KEY, OPENAI_API_KEY or CORRIGE_API_KEY, or the system keychain.</source>
        <translation>Lance la correction de chaque copie qui n&apos;a pas encore de note. Les notes de l&apos;enseignant ne sont jamais modifiées. Les clés viennent de GEMINI_API_KEY, OPENAI_API_KEY ou CORRIGE_API_KEY, ou du trousseau du système.</translation>
    </message>
    <message>
        <source>single (one model) or dual (two models).</source>
        <translation>single (un modèle) ou dual (deux modèles).</translation>
    </message>
    <message>
        <source>Requests in flight per model (1-32).</source>
        <translation>Requêtes simultanées par modèle (1-32).</translation>
    </message>
    <message>
        <source>Attempts per request (1-10).</source>
        <translation>Tentatives par requête (1-10).</translation>
    </message>
    <message>
        <source>Grade again copies already graded by a model (teacher grades are kept).</source>
        <translation>Recorrige les copies déjà notées par un modèle (les notes de l&apos;enseignant sont conservées).</translation>
    </message>
    <message>
        <source>Send the first page whole, name included (by default its top is hidden).</source>
        <translation>Envoie la première page entière, nom compris (par défaut, son haut est masqué).</translation>
    </message>
    <message>
        <source>--mode is single or dual (got &quot;%1&quot;).</source>
        <translation>--mode vaut single ou dual (reçu&#xa0;: «&#xa0;%1&#xa0;»).</translation>
    </message>
    <message>
        <source>--concurrency takes a whole number from 1 to 32.</source>
        <translation>--concurrency attend un nombre entier de 1 à 32.</translation>
    </message>
    <message>
        <source>--max-attempts takes a whole number from 1 to 10.</source>
        <translation>--max-attempts attend un nombre entier de 1 à 10.</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 en échec</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>reste %1</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>%1 jetons</translation>
    </message>
    <message>
        <source>corrige-cli: stopping; graded copies are kept (press Ctrl+C again to quit now).</source>
        <translation>corrige-cli&#xa0;: arrêt en cours&#xa0;; les copies notées sont conservées (appuyez de nouveau sur Ctrl+C pour quitter tout de suite).</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) graded</source>
        <translation>
            <numerusform>%n copie notée</numerusform>
            <numerusform>%n copies notées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à revoir</numerusform>
            <numerusform>%n à revoir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not graded (still pending)</source>
        <translation>
            <numerusform>%n non notée (toujours en attente)</numerusform>
            <numerusform>%n non notées (toujours en attente)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 input and %2 output tokens, about %3, in %4.</source>
        <translation>%1 jetons en entrée et %2 en sortie, environ %3, en %4.</translation>
    </message>
    <message>
        <source>Agreement between the models: %1% exact, %2% within tolerance, mean difference %3 points.</source>
        <translation>Accord entre les modèles&#xa0;: %1&#xa0;% identiques, %2&#xa0;% dans la tolérance, écart moyen de %3 pt.</translation>
    </message>
    <message>
        <source>corrige-cli: failed: %1</source>
        <translation>corrige-cli&#xa0;: échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Remarque&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n copy(ies)).</source>
        <translation>
            <numerusform>%1 écrit (%n copie).</numerusform>
            <numerusform>%1 écrit (%n copies).</numerusform>
        </translation>
    </message>
    <message>
        <source>Writing PDFs</source>
        <translation>Écriture des PDF</translation>
    </message>
    <message>
        <source>Interrupted: %1 of %2 PDFs written to %3.</source>
        <translation>Interrompu&#xa0;: %1 PDF sur %2 écrit(s) dans %3.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n annotated PDF(s) to %1.</source>
        <translation>
            <numerusform>%n PDF annoté écrit dans %1.</numerusform>
            <numerusform>%n PDF annotés écrits dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file to write; for pdf, the folder to write the PDFs in (created if missing).</source>
        <translation>Le fichier à écrire&#xa0;; pour pdf, le dossier où écrire les PDF (créé s&apos;il n&apos;existe pas).</translation>
    </message>
    <message>
        <source>Replace files that already exist.</source>
        <translation>Remplace les fichiers qui existent déjà.</translation>
    </message>
    <message>
        <source>&apos;export&apos; needs the session file: corrige-cli export SESSION --format FORMAT --out PATH.</source>
        <translation>«&#xa0;export&#xa0;» demande le fichier de session&#xa0;: corrige-cli export SESSION --format FORMAT --out CHEMIN.</translation>
    </message>
    <message>
        <source>&apos;export&apos; takes one session file, but got also &quot;%1&quot;.</source>
        <translation>«&#xa0;export&#xa0;» prend un seul fichier de session, mais a aussi reçu «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --out FILE, the file to write.</source>
        <translation>«&#xa0;export&#xa0;» demande --out FICHIER, le fichier à écrire.</translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --out FOLDER, the folder to write the PDFs in.</source>
        <translation>«&#xa0;export&#xa0;» demande --out DOSSIER, le dossier où écrire les PDF.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or add --force to replace it.</source>
        <translation>%1 existe déjà. Choisissez un autre nom, ou ajoutez --force pour le remplacer.</translation>
    </message>
    <message>
        <source>%1 is a file. Give the folder where the PDFs should go.</source>
        <translation>%1 est un fichier. Indiquez le dossier où placer les PDF.</translation>
    </message>
    <message>
        <source>The session %1 does not exist.</source>
        <translation>La session %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>%1 has no copies to export yet. Import the scans first: corrige-cli import %1 PDF...</source>
        <translation>%1 n&apos;a pas encore de copies à exporter. Importez d&apos;abord les numérisations&#xa0;: corrige-cli import %1 PDF...</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another folder, or add --force to replace the PDFs.</source>
        <translation>%1 existe déjà. Choisissez un autre dossier, ou ajoutez --force pour remplacer les PDF.</translation>
    </message>
    <message>
        <source>Send each question with only the pages it is on (from the exam&apos;s &quot;pages&quot;), instead of the whole copy.</source>
        <translation>Envoie chaque question avec seulement ses pages (d&apos;après les &quot;pages&quot; de l&apos;examen), au lieu de la copie entière.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Import a scan even if its copies are already in the session.</source>
        <translation>Importe une numérisation même si ses copies sont déjà dans la session.</translation>
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
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2/%3): %4, %5 of %6 done, %7 failed, submitted %8 ago</source>
        <translation>%1 (%2/%3)&#xa0;: %4, %5 sur %6 faites, %7 en échec, soumis il y a %8</translation>
    </message>
    <message>
        <source>Preparing the batch</source>
        <translation>Préparation du lot</translation>
    </message>
    <message>
        <source>corrige-cli: submitting; press Ctrl+C again to quit now.</source>
        <translation>corrige-cli&#xa0;: envoi en cours&#xa0;; appuyez de nouveau sur Ctrl+C pour quitter maintenant.</translation>
    </message>
    <message>
        <source>Nothing to grade: every copy is graded or already in a batch.</source>
        <translation>Rien à corriger&#xa0;: toutes les copies sont notées ou déjà dans un lot.</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) submitted</source>
        <translation>
            <numerusform>%n copie soumise</numerusform>
            <numerusform>%n copies soumises</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n batch(es), at half the live price.</source>
        <translation>
            <numerusform>en %n lot, à moitié prix.</numerusform>
            <numerusform>en %n lots, à moitié prix.</numerusform>
        </translation>
    </message>
    <message>
        <source>Results usually come within hours, at most 24 h. Collect them with: corrige-cli batch %1 --wait</source>
        <translation>Les résultats arrivent en général en quelques heures, en 24&#xa0;h au plus. Récupérez-les avec&#xa0;: corrige-cli batch %1 --wait</translation>
    </message>
    <message>
        <source>This session has no batch. Submit one with: corrige-cli grade %1 --batch</source>
        <translation>Cette session n&apos;a aucun lot. Soumettez-en un avec&#xa0;: corrige-cli grade %1 --batch</translation>
    </message>
    <message>
        <source>corrige-cli: stopping; the batches keep running and can be collected later.</source>
        <translation>corrige-cli&#xa0;: arrêt&#xa0;; les lots continuent et pourront être récupérés plus tard.</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) imported</source>
        <translation>
            <numerusform>%n copie importée</numerusform>
            <numerusform>%n copies importées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n back to pending</source>
        <translation>
            <numerusform>%n remise en attente</numerusform>
            <numerusform>%n remises en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still in a batch</source>
        <translation>
            <numerusform>%n encore dans un lot</numerusform>
            <numerusform>%n encore dans un lot</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 input and %2 output tokens, about %3 at the batch price.</source>
        <translation>%1 jetons envoyés et %2 reçus, environ %3 au tarif des lots.</translation>
    </message>
    <message>
        <source>Copies back to pending are graded by the next &apos;corrige-cli grade&apos; (live, or with --batch).</source>
        <translation>Les copies remises en attente seront corrigées par le prochain «&#xa0;corrige-cli grade&#xa0;» (en direct, ou avec --batch).</translation>
    </message>
    <message numerus="yes">
        <source>%n in a batch</source>
        <translation>
            <numerusform>%n dans un lot</numerusform>
            <numerusform>%n dans un lot</numerusform>
        </translation>
    </message>
    <message>
        <source>in a batch</source>
        <translation>dans un lot</translation>
    </message>
    <message>
        <source>Submit the copies as provider batches (Gemini, OpenAI): half price, results usually within hours, at most 24 h. Collect them with &apos;corrige-cli batch&apos;.</source>
        <translation>Soumet les copies en lots chez le fournisseur (Gemini, OpenAI)&#xa0;: moitié prix, résultats en général en quelques heures, en 24&#xa0;h au plus. Récupérez-les avec «&#xa0;corrige-cli batch&#xa0;».</translation>
    </message>
    <message>
        <source>%1 is open in another Corrige (%2). Grading writes to it: close it there first, then grade again.</source>
        <translation>%1 est ouverte dans un autre Corrige (%2). La correction l&apos;écrit&#xa0;: fermez-la d&apos;abord là-bas, puis relancez la correction.</translation>
    </message>
    <message>
        <source>Collect the session&apos;s batches: import what has finished, show the rest. By default each batch is collected from the server it was submitted to, with the provider&apos;s key from the environment or the keychain.</source>
        <translation>Récupère les lots de la session&#xa0;: importe ce qui est terminé, affiche le reste. Par défaut, chaque lot est récupéré sur le serveur où il a été soumis, avec la clé du fournisseur prise dans l&apos;environnement ou le trousseau.</translation>
    </message>
    <message>
        <source>Poll until every batch is imported.</source>
        <translation>Interroge jusqu&apos;à ce que tous les lots soient importés.</translation>
    </message>
    <message>
        <source>Cancel the batches still running, import what they completed, and put the other copies back to pending (grade them live afterwards).</source>
        <translation>Annule les lots encore en cours, importe ce qu&apos;ils ont terminé et remet les autres copies en attente (corrigez-les ensuite en direct).</translation>
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
        <translation>Utilisation&#xa0;: corrige-cli &lt;commande&gt; [options]

Commandes&#xa0;:
  new    SESSION --exam EXAM.json          crée une session pour un examen
  import SESSION PDF... [--pages-per-copy N] [--roster CSV] [--password-file FILE] [--allow-duplicate]
                                           ajoute des copies numérisées
  rubric SESSION [--show] [--generate]     affiche les barèmes, ou fait rédiger les manquants par un modèle
  grade  SESSION [--mode single|dual] [--concurrency N] [--max-attempts N] [--regrade]
         [--provider P --model M --base-url URL] [--provider2 P --model2 M --base-url2 URL]
         [--batch]                         corrige toutes les copies pas encore notées (--batch&#xa0;: en lots
                                           chez le fournisseur, moitié prix, résultats en 24&#xa0;h au plus)
  batch  SESSION [--wait] [--cancel]       récupère (ou annule) les lots soumis
  export SESSION --format csv|xlsx|moodle|pronote|pdf --out PATH [--force] [--allow-unreviewed]
         [--csv-dialect excel-fr|rfc4180] [--moodle-id email|idnumber|username]
                                           écrit les notes pour un tableur, Moodle ou Pronote,
                                           ou un PDF annoté par élève
  status SESSION [--json]                  affiche les copies et leurs notes

Lancez «&#xa0;corrige-cli &lt;commande&gt; --help&#xa0;» pour voir les options d&apos;une commande.</translation>
    </message>
    <message numerus="yes">
        <source>corrige-cli: %n copy(ies) need review, failed, or are not graded:</source>
        <translation>
            <numerusform>corrige-cli : %n copie doit être revue, a échoué ou n&apos;est pas notée :</numerusform>
            <numerusform>corrige-cli : %n copies doivent être revues, ont échoué ou ne sont pas notées :</numerusform>
        </translation>
    </message>
    <message>
        <source>Review them first (corrige-cli status, corrige-cli score), or add --allow-unreviewed to export anyway.</source>
        <translation>Revoyez-les d&apos;abord (corrige-cli status, corrige-cli score), ou ajoutez --allow-unreviewed pour exporter quand même.</translation>
    </message>
    <message numerus="yes">
        <source>Exporting with %n copy(ies) not reviewed:</source>
        <translation>
            <numerusform>Export avec %n copie non revue :</numerusform>
            <numerusform>Export avec %n copies non revues :</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote %1, every PDF in class order, for printing.</source>
        <translation>%1 écrit : tous les PDF dans l&apos;ordre de la classe, pour l&apos;impression.</translation>
    </message>
    <message>
        <source>Note: no PDF for %1.</source>
        <translation>Note : pas de PDF pour %1.</translation>
    </message>
    <message>
        <source>Export a session&apos;s grades: a spreadsheet (xlsx: numbers, text and statistics; csv: every question, for scripts or a spreadsheet; moodle: for Moodle&apos;s grade import; pronote: in Pronote&apos;s order, to paste), or one annotated PDF per copy (pdf). Copies that need review, failed or are not graded stop the export (exit 3) unless --allow-unreviewed.</source>
        <translation>Exporter les notes d&apos;une session : un tableur (xlsx : nombres, texte et statistiques ; csv : chaque question, pour des scripts ou un tableur ; moodle : pour l&apos;import de notes de Moodle ; pronote : dans l&apos;ordre de Pronote, à coller), ou un PDF annoté par copie (pdf). Les copies à revoir, en échec ou non notées arrêtent l&apos;export (code 3) sauf avec --allow-unreviewed.</translation>
    </message>
    <message>
        <source>csv, xlsx, moodle, pronote or pdf.</source>
        <translation>csv, xlsx, moodle, pronote ou pdf.</translation>
    </message>
    <message>
        <source>Export even if some copies need review, failed or are not graded (they are listed).</source>
        <translation>Exporter même si des copies sont à revoir, en échec ou non notées (elles sont listées).</translation>
    </message>
    <message>
        <source>For csv: excel-fr (semicolons, decimal commas, BOM; the default in French) or rfc4180 (commas, decimal points; the default otherwise).</source>
        <translation>Pour csv : excel-fr (points-virgules, virgules décimales, BOM ; par défaut en français) ou rfc4180 (virgules, points décimaux ; par défaut sinon).</translation>
    </message>
    <message>
        <source>For moodle: the identifier Moodle maps users from: email (the default), idnumber or username. Copies without it are left out.</source>
        <translation>Pour moodle : l&apos;identifiant par lequel Moodle reconnaît les utilisateurs : email (par défaut), idnumber ou username. Les copies qui ne l&apos;ont pas sont laissées de côté.</translation>
    </message>
    <message>
        <source>For moodle: add a Feedback column (each question&apos;s justification and your comments).</source>
        <translation>Pour moodle : ajouter une colonne Feedback (la justification de chaque question et vos commentaires).</translation>
    </message>
    <message>
        <source>For pdf: also write every PDF into this one file, in class order, for printing.</source>
        <translation>Pour pdf : écrire aussi tous les PDF dans ce fichier unique, dans l&apos;ordre de la classe, pour l&apos;impression.</translation>
    </message>
    <message>
        <source>&apos;export&apos; needs --format csv, xlsx, moodle, pronote or pdf.</source>
        <translation>« export » demande --format csv, xlsx, moodle, pronote ou pdf.</translation>
    </message>
    <message>
        <source>Unknown format &quot;%1&quot; for --format: use csv, xlsx, moodle, pronote or pdf.</source>
        <translation>Format « %1 » inconnu pour --format : utilisez csv, xlsx, moodle, pronote ou pdf.</translation>
    </message>
    <message>
        <source>--csv-dialect is for --format csv only.</source>
        <translation>--csv-dialect ne vaut que pour --format csv.</translation>
    </message>
    <message>
        <source>Unknown dialect &quot;%1&quot; for --csv-dialect: use excel-fr or rfc4180.</source>
        <translation>Dialecte « %1 » inconnu pour --csv-dialect : utilisez excel-fr ou rfc4180.</translation>
    </message>
    <message>
        <source>--moodle-id and --feedback are for --format moodle only.</source>
        <translation>--moodle-id et --feedback ne valent que pour --format moodle.</translation>
    </message>
    <message>
        <source>Unknown identifier &quot;%1&quot; for --moodle-id: use email, idnumber or username.</source>
        <translation>Identifiant « %1 » inconnu pour --moodle-id : utilisez email, idnumber ou username.</translation>
    </message>
    <message>
        <source>--merged is for --format pdf only.</source>
        <translation>--merged ne vaut que pour --format pdf.</translation>
    </message>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name.</source>
        <translation>%1 est un fichier de session : un export ne remplace jamais une session. Choisissez un autre nom.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core</name>
    <message>
        <source>The demo file %1 is missing from this build of Corrige.</source>
        <translation>Le fichier de démonstration %1 manque dans cette version de Corrige.</translation>
    </message>
    <message>
        <source>The server&apos;s answer does not describe a batch.</source>
        <translation>La réponse du serveur ne décrit pas un lot.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::AnnotatedPdfExporter</name>
    <message>
        <source>%1 / %2</source>
        <extracomment>A score out of a maximum, e.g. &quot;2.5 / 4&quot;; &quot;–&quot; when there is no score yet</extracomment>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Student ID: %1</source>
        <translation>Identifiant élève&#xa0;: %1</translation>
    </message>
    <message>
        <source>Total: %1 / %2</source>
        <translation>Total&#xa0;: %1 / %2</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <extracomment>Title of an annotated PDF: the exam, then the student</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Cannot read page %1 of %2.</source>
        <translation>Impossible de lire la page %1 de %2.</translation>
    </message>
    <message>
        <source>No way to read the scans was given.</source>
        <translation>Aucun moyen de lire les numérisations n&apos;a été fourni.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Writing annotated PDFs needs Qt&apos;s graphical libraries (a QGuiApplication) for its fonts.</source>
        <translation>L&apos;écriture des PDF annotés demande les bibliothèques graphiques de Qt (une QGuiApplication) pour les polices.</translation>
    </message>
    <message>
        <source>%1 is a file. Give the folder where the PDFs should go.</source>
        <translation>%1 est un fichier. Indiquez le dossier où placer les PDF.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another folder, or allow replacing the files.</source>
        <translation>%1 existe déjà. Choisissez un autre dossier, ou autorisez le remplacement des fichiers.</translation>
    </message>
    <message>
        <source>Cannot create the folder %1. Check that you may write there.</source>
        <translation>Impossible de créer le dossier %1. Vérifiez que vous avez le droit d&apos;y écrire.</translation>
    </message>
    <message>
        <source>No answer found.</source>
        <translation>Aucune réponse trouvée.</translation>
    </message>
    <message>
        <source>Hard to read.</source>
        <translation>Difficile à lire.</translation>
    </message>
    <message>
        <source>Mark to come.</source>
        <translation>Note à venir.</translation>
    </message>
    <message>
        <source>Teacher:</source>
        <translation>Professeur :</translation>
    </message>
    <message>
        <source>Total so far: %1 / %2 (%3 of %4 questions marked)</source>
        <translation>Total provisoire : %1 / %2 (%3 questions notées sur %4)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Commentaires</translation>
    </message>
    <message>
        <source>Teacher&apos;s comment</source>
        <translation>Commentaire du professeur</translation>
    </message>
    <message>
        <source>%1 — summary, page %2 of %3</source>
        <extracomment>Foot of each summary page of an annotated PDF: &quot;Ada Lovelace — summary, page 1 of 2&quot;</extracomment>
        <translation>%1 — synthèse, page %2 sur %3</translation>
    </message>
    <message>
        <source>Cannot draw the summary of %1.</source>
        <translation>Impossible de dessiner la synthèse de %1.</translation>
    </message>
    <message>
        <source>Cannot copy the scans of %1: %2</source>
        <translation>Impossible de copier les scans de %1 : %2</translation>
    </message>
    <message>
        <source>A scan of this session cannot be read: %1</source>
        <translation>Un scan de cette session est illisible : %1</translation>
    </message>
    <message>
        <source>Cannot merge the PDFs: %1</source>
        <translation>Impossible de fusionner les PDF : %1</translation>
    </message>
    <message>
        <source>#%1 %2 (%3)</source>
        <extracomment>A copy left without an annotated PDF: &quot;#4 Bob (grading failed)&quot;</extracomment>
        <translation>n°%1 %2 (%3)</translation>
    </message>
    <message>
        <source>grading failed</source>
        <translation>notation échouée</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non notée</translation>
    </message>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name.</source>
        <translation>%1 est un fichier de session : un export ne remplace jamais une session. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or allow replacing it.</source>
        <translation>%1 existe déjà. Choisissez un autre nom, ou autorisez son remplacement.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::Anonymizer</name>
    <message>
        <source>A page image could not be decoded to hide the name area.</source>
        <translation>Une image de page n&apos;a pas pu être décodée pour masquer la zone du nom.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::AppInfo</name>
    <message>
        <source>Qt %1, built with %2</source>
        <extracomment>%1 Qt version in use, %2 Qt version Corrige was built with</extracomment>
        <translation>Qt %1, compilé avec %2</translation>
    </message>
    <message>
        <source>GNU Affero General Public License, version 3</source>
        <translation>Licence publique générale GNU Affero, version 3</translation>
    </message>
    <message>
        <source>windows, PDF display, network, SQLite access</source>
        <translation>fenêtres, affichage des PDF, réseau, accès SQLite</translation>
    </message>
    <message>
        <source>PDF rendering, inside Qt PDF</source>
        <translation>rendu des PDF, au sein de Qt PDF</translation>
    </message>
    <message>
        <source>the session file, through Qt SQL</source>
        <translation>le fichier de session, par Qt SQL</translation>
    </message>
    <message>
        <source>public domain</source>
        <translation>domaine public</translation>
    </message>
    <message>
        <source>reading scanned pages without re-encoding them</source>
        <translation>lecture des pages scannées sans les réencoder</translation>
    </message>
    <message>
        <source>compression, used by qpdf</source>
        <translation>compression, utilisée par qpdf</translation>
    </message>
    <message>
        <source>JPEG images, used by qpdf</source>
        <translation>images JPEG, utilisées par qpdf</translation>
    </message>
    <message>
        <source>API keys in the system keychain</source>
        <translation>clés d&apos;API dans le trousseau du système</translation>
    </message>
    <message>
        <source>Demo scans</source>
        <translation>Copies de démonstration</translation>
    </message>
    <message>
        <source>the bundled demo session (from the Zesje project, TU Delft)</source>
        <translation>la session de démonstration fournie (du projet Zesje, TU Delft)</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchClient</name>
    <message>
        <source>The server answered %1.</source>
        <translation>Le serveur a répondu %1.</translation>
    </message>
    <message>
        <source>Cannot reach %1 (%2). Check the connection; the batch is kept and checked again later.</source>
        <translation>Impossible de joindre %1 (%2). Vérifiez la connexion&#xa0;; le lot est conservé et sera vérifié plus tard.</translation>
    </message>
    <message>
        <source>The upload was not acknowledged with a file id.</source>
        <translation>L&apos;envoi n&apos;a pas été confirmé par un identifiant de fichier.</translation>
    </message>
    <message>
        <source>The upload was not given an address to send the file to.</source>
        <translation>L&apos;envoi n&apos;a pas reçu d&apos;adresse où envoyer le fichier.</translation>
    </message>
    <message>
        <source>The upload was not acknowledged with a file name.</source>
        <translation>L&apos;envoi n&apos;a pas été confirmé par un nom de fichier.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchCollector</name>
    <message>
        <source>The batches are already being collected.</source>
        <translation>Les lots sont déjà en cours de récupération.</translation>
    </message>
    <message>
        <source>No API key for %1, where batch %2 was submitted. Give the same key as when it was submitted (environment or keychain).</source>
        <translation>Aucune clé d&apos;API pour %1, où le lot %2 a été soumis. Donnez la même clé qu&apos;à la soumission (environnement ou trousseau).</translation>
    </message>
    <message>
        <source>Could not cancel batch %1: %2</source>
        <translation>Impossible d&apos;annuler le lot %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not list the batches to find %1: %2</source>
        <translation>Impossible de lister les lots pour retrouver %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The batch was never created; its copies go back to waiting.</source>
        <translation>Le lot n&apos;a jamais été créé&#xa0;; ses copies repassent en attente.</translation>
    </message>
    <message>
        <source>Found batch %1 again by its tag.</source>
        <translation>Lot %1 retrouvé grâce à son étiquette.</translation>
    </message>
    <message>
        <source>Could not check batch %1: %2</source>
        <translation>Impossible de vérifier le lot %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not read the results of batch %1: %2</source>
        <translation>Impossible de lire les résultats du lot %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>its batch ended before this request ran</source>
        <translation>son lot s&apos;est terminé avant que cette requête soit traitée</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchFileWriter</name>
    <message>
        <source>Cannot write the batch file %1 (%2). Check there is space in the temporary folder.</source>
        <translation>Impossible d&apos;écrire le fichier de lot %1 (%2). Vérifiez qu&apos;il reste de la place dans le dossier temporaire.</translation>
    </message>
    <message>
        <source>One request is larger than a batch file may be (%1 MB). Grade this copy live, or send smaller page images.</source>
        <translation>Une requête dépasse la taille permise d&apos;un fichier de lot (%1&#xa0;Mo). Corrigez cette copie en direct, ou envoyez des images de pages plus petites.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::BatchSubmitter</name>
    <message>
        <source>A batch is already being submitted.</source>
        <translation>Un lot est déjà en cours de soumission.</translation>
    </message>
    <message>
        <source>OpenAI-compatible servers have no Batch API: grade live with them, or choose Gemini or OpenAI for batch grading.</source>
        <translation>Les serveurs compatibles OpenAI n&apos;ont pas d&apos;API de lots&#xa0;: corrigez en direct avec eux, ou choisissez Gemini ou OpenAI pour corriger par lots.</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the batch files (%1). Check the disk has space.</source>
        <translation>Impossible de créer un dossier temporaire pour les fichiers de lot (%1). Vérifiez qu&apos;il reste de la place sur le disque.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The batch file could not be uploaded: %1</source>
        <translation>Le fichier de lot n&apos;a pas pu être envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The %1 batch was refused: %2</source>
        <translation>Le lot %1 a été refusé&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::CopyGrades</name>
    <message>
        <source>Only one model answered: %1</source>
        <translation>Un seul modèle a répondu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::CsvExporter</name>
    <message>
        <source>graded</source>
        <extracomment>The Status column of a CSV export for a copy with nothing left to do</extracomment>
        <translation>notée</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>illegible</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>suspect</translation>
    </message>
    <message>
        <source>clamped</source>
        <translation>note ajustée</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>à revoir</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>One question&apos;s flags in the Flags column of a CSV export, e.g. &quot;Question 2: blank, illegible&quot;
----------
One question in Moodle feedback: &quot;Question 1 (2/4): the justification&quot;</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation>Identifiant élève</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>%1 (/%2)</source>
        <extracomment>CSV column of one question: its label and its maximum, e.g. &quot;Question 1 (/4)&quot;</extracomment>
        <translation>%1 (/%2)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no total yet: their cells are empty.</source>
        <translation>
            <numerusform>%n copie n&apos;a pas encore de total&#xa0;: ses cases sont vides.</numerusform>
            <numerusform>%n copies n&apos;ont pas encore de total&#xa0;: leurs cases sont vides.</numerusform>
        </translation>
    </message>
    <message>
        <source>Totals are out of %1 points: give the Moodle grade item a maximum grade of %1.</source>
        <translation>Les totaux sont notés sur %1&#xa0;: donnez à l&apos;élément d&apos;évaluation Moodle une note maximale de %1.</translation>
    </message>
    <message>
        <source>models disagree</source>
        <translation>modèles en désaccord</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>%1 (%2/%3)</source>
        <translation>%1 (%2/%3)</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <extracomment>A copy a Moodle export leaves out: &quot;#3 Jane Doe&quot;</extracomment>
        <translation>n°%1 %2</translation>
    </message>
    <message>
        <source>an email address</source>
        <translation>d&apos;adresse e-mail</translation>
    </message>
    <message>
        <source>an ID number</source>
        <translation>de numéro d&apos;identification</translation>
    </message>
    <message>
        <source>a username</source>
        <translation>de nom d&apos;utilisateur</translation>
    </message>
    <message numerus="yes">
        <source>Left out %n copy(ies) without %1, since Moodle would give their grade to another student: %2. Complete the roster, or map on another identifier.</source>
        <translation>
            <numerusform>%n copie sans %1 laissée de côté, car Moodle donnerait sa note à un autre élève : %2. Complétez la liste de classe, ou choisissez un autre identifiant.</numerusform>
            <numerusform>%n copies sans %1 laissées de côté, car Moodle donnerait leur note à un autre élève : %2. Complétez la liste de classe, ou choisissez un autre identifiant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no total yet: their grade cell is &quot;-&quot;, which Moodle imports as no grade.</source>
        <translation>
            <numerusform>%n copie n&apos;a pas encore de total : sa case vaut « - », que Moodle importe comme absence de note.</numerusform>
            <numerusform>%n copies n&apos;ont pas encore de total : leur case vaut « - », que Moodle importe comme absence de note.</numerusform>
        </translation>
    </message>
    <message>
        <source>In Moodle, map users from &quot;%1&quot; to &quot;%2&quot;, and the total to a new grade item.</source>
        <translation>Dans Moodle, associez les utilisateurs de « %1 » à « %2 », et le total à un nouvel élément d&apos;évaluation.</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse de courriel</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Numéro d&apos;identification</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>Map the &quot;Feedback&quot; column to the feedback of the same grade item.</source>
        <translation>Associez la colonne « Feedback » au feedback du même élément d&apos;évaluation.</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) have no student name: they are listed last, by their label, and have no place in Pronote&apos;s column.</source>
        <translation>
            <numerusform>%n copie n&apos;a pas de nom d&apos;élève : elle figure en dernier, sous son libellé, et n&apos;a pas de place dans la colonne de Pronote.</numerusform>
            <numerusform>%n copies n&apos;ont pas de nom d&apos;élève : elles figurent en dernier, sous leur libellé, et n&apos;ont pas de place dans la colonne de Pronote.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rows are sorted by last name, then first name, as Pronote lists the class: check that both lists have the same students before pasting.</source>
        <translation>Les lignes sont triées par nom puis prénom, comme Pronote liste la classe : vérifiez que les deux listes ont les mêmes élèves avant de coller.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::Exam</name>
    <message>
        <source>%1 is not valid JSON (line %2: %3). Fix the file and try again.</source>
        <translation>%1 n&apos;est pas un JSON valide (ligne %2&#xa0;: %3). Corrigez le fichier et réessayez.</translation>
    </message>
    <message>
        <source>%1 must contain a JSON object with &quot;title&quot; and &quot;questions&quot;.</source>
        <translation>%1 doit contenir un objet JSON avec &quot;title&quot; et &quot;questions&quot;.</translation>
    </message>
    <message>
        <source>%1: the exam has no &quot;title&quot;. Add a title such as &quot;Physics test 3&quot;.</source>
        <translation>%1&#xa0;: l&apos;examen n&apos;a pas de &quot;title&quot;. Ajoutez un titre comme «&#xa0;Contrôle de physique 3&#xa0;».</translation>
    </message>
    <message>
        <source>%1: &quot;questions&quot; must be a non-empty list of questions.</source>
        <translation>%1&#xa0;: &quot;questions&quot; doit être une liste de questions non vide.</translation>
    </message>
    <message>
        <source>%1: question %2 must be an object with &quot;id&quot;, &quot;text&quot; and &quot;maxPoints&quot;.</source>
        <translation>%1&#xa0;: la question %2 doit être un objet avec &quot;id&quot;, &quot;text&quot; et &quot;maxPoints&quot;.</translation>
    </message>
    <message>
        <source>%1: question %2 has no &quot;id&quot;.</source>
        <translation>%1&#xa0;: la question %2 n&apos;a pas de champ &quot;id&quot;.</translation>
    </message>
    <message>
        <source>%1: the question id &quot;%2&quot; is used twice. Give each question its own id.</source>
        <translation>%1&#xa0;: l&apos;identifiant de question «&#xa0;%2&#xa0;» est utilisé deux fois. Donnez à chaque question son propre identifiant.</translation>
    </message>
    <message>
        <source>%1: question &quot;%2&quot; needs &quot;maxPoints&quot;, a number greater than 0.</source>
        <translation>%1&#xa0;: la question «&#xa0;%2&#xa0;» doit avoir un &quot;maxPoints&quot;, nombre supérieur à 0.</translation>
    </message>
    <message>
        <source>%1: &quot;pages&quot; of question &quot;%2&quot; must be a list of page numbers, e.g. [1, 2].</source>
        <translation>%1&#xa0;: &quot;pages&quot; de la question «&#xa0;%2&#xa0;» doit être une liste de numéros de page, par exemple [1, 2].</translation>
    </message>
    <message>
        <source>%1: &quot;pages&quot; of question &quot;%2&quot; must hold whole page numbers from 1.</source>
        <translation>%1&#xa0;: &quot;pages&quot; de la question «&#xa0;%2&#xa0;» doit contenir des numéros de page entiers à partir de 1.</translation>
    </message>
    <message>
        <source>%1: the &quot;rubric&quot; of question &quot;%2&quot; must be an object with &quot;criteria&quot;.</source>
        <translation>%1&#xa0;: le &quot;rubric&quot; de la question «&#xa0;%2&#xa0;» doit être un objet avec &quot;criteria&quot;.</translation>
    </message>
    <message>
        <source>%1: &quot;criteria&quot; of question &quot;%2&quot; must be a list.</source>
        <translation>%1&#xa0;: &quot;criteria&quot; de la question «&#xa0;%2&#xa0;» doit être une liste.</translation>
    </message>
    <message>
        <source>%1: every criterion of question &quot;%2&quot; needs a &quot;description&quot; and &quot;points&quot; (a number, 0 or more).</source>
        <translation>%1&#xa0;: chaque critère de la question «&#xa0;%2&#xa0;» doit avoir une &quot;description&quot; et des &quot;points&quot; (un nombre, 0 ou plus).</translation>
    </message>
    <message>
        <source>%1: the criteria of question &quot;%2&quot; add up to %3 points, more than its maximum of %4. Lower the criteria or raise &quot;maxPoints&quot;.</source>
        <translation>%1&#xa0;: les critères de la question «&#xa0;%2&#xa0;» totalisent %3, plus que son maximum de %4. Baissez les critères ou augmentez &quot;maxPoints&quot;.</translation>
    </message>
    <message>
        <source>%1: question %2 has the id %3; use a whole number or a text such as &quot;q1&quot;.</source>
        <translation>%1&#xa0;: la question %2 a pour identifiant %3&#xa0;; utilisez un nombre entier ou un texte comme «&#xa0;q1&#xa0;».</translation>
    </message>
    <message>
        <source>%1: question &quot;%2&quot; has &quot;maxPoints&quot; %3; a question is worth at most %4 points.</source>
        <translation>%1&#xa0;: la question «&#xa0;%2&#xa0;» a «&#xa0;maxPoints&#xa0;» %3&#xa0;; une question vaut au plus %4 points.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ExamDraft</name>
    <message>
        <source>The model&apos;s answer has no list of questions. Try again, or type the questions yourself.</source>
        <translation>La réponse du modèle ne contient pas de liste de questions. Réessayez, ou saisissez les questions vous-même.</translation>
    </message>
    <message>
        <source>The model found no question in the blank exam. Check that the PDF is the exam&apos;s question paper, or type the questions yourself.</source>
        <translation>Le modèle n&apos;a trouvé aucune question dans le sujet vierge. Vérifiez que le PDF est bien le sujet de l&apos;examen, ou saisissez les questions vous-même.</translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer is not an object. Try again, or type the questions yourself.</source>
        <translation>La question %1 de la réponse du modèle n&apos;est pas un objet. Réessayez, ou saisissez les questions vous-même.</translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer has no text. Try again, or type the questions yourself.</source>
        <translation>La question %1 de la réponse du modèle n&apos;a pas d&apos;énoncé. Réessayez, ou saisissez les questions vous-même.</translation>
    </message>
    <message>
        <source>Question %1 of the model&apos;s answer has invalid points (%2): they must be a number, 0 or more. Try again, or type the questions yourself.</source>
        <translation>La question %1 de la réponse du modèle a des points non valides (%2)&#xa0;: il faut un nombre, 0 ou plus. Réessayez, ou saisissez les questions vous-même.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ExportFile</name>
    <message>
        <source>%1 is a session file: an export never replaces a session. Choose another name, ending in the export&apos;s own extension.</source>
        <translation>%1 est un fichier de session : un export ne remplace jamais une session. Choisissez un autre nom, avec l&apos;extension propre à l&apos;export.</translation>
    </message>
    <message>
        <source>%1 is a folder. Give the name of the file to write.</source>
        <translation>%1 est un dossier. Donnez le nom du fichier à écrire.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or allow replacing it.</source>
        <translation>%1 existe déjà. Choisissez un autre nom, ou autorisez son remplacement.</translation>
    </message>
    <message>
        <source>Cannot write %1: the folder %2 does not exist. Create it, or choose another folder.</source>
        <translation>Impossible d&apos;écrire %1 : le dossier %2 n&apos;existe pas. Créez-le, ou choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check that you may write in this folder.</source>
        <translation>Impossible d&apos;écrire %1 : %2. Vérifiez que vous pouvez écrire dans ce dossier.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space of the disk and that you may write there; nothing was replaced.</source>
        <translation>Impossible d&apos;écrire %1 : %2. Vérifiez l&apos;espace libre du disque et que vous pouvez y écrire ; rien n&apos;a été remplacé.</translation>
    </message>
    <message>
        <source>the write failed</source>
        <translation>l&apos;écriture a échoué</translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Check the free space of the disk; nothing was replaced.</source>
        <translation>Impossible d&apos;écrire %1 : %2. Vérifiez l&apos;espace libre du disque ; rien n&apos;a été remplacé.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::GradingOrchestrator</name>
    <message>
        <source>Grading is already running.</source>
        <translation>Une correction est déjà en cours.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The model&apos;s server cannot be reached (%1). Check the connection, then grade again: the copies already graded are kept.</source>
        <translation>Le serveur du modèle est injoignable (%1). Vérifiez la connexion, puis relancez la correction&#xa0;: les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Internal error while preparing the requests.</source>
        <translation>Erreur interne pendant la préparation des requêtes.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::GradingResponse</name>
    <message>
        <source>The model&apos;s answer has no list of questions.</source>
        <translation>La réponse du modèle ne contient pas de liste de questions.</translation>
    </message>
    <message>
        <source>The model gave no usable score for %1.</source>
        <translation>Le modèle n&apos;a donné aucune note exploitable pour %1.</translation>
    </message>
    <message>
        <source>The model&apos;s answer leaves out %1.</source>
        <translation>La réponse du modèle omet %1.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ImportPlanner</name>
    <message>
        <source>%1 or %2</source>
        <extracomment>The end of a list of numbers: &quot;2, 4, 5 or 10&quot;.</extracomment>
        <translation>%1 ou %2</translation>
    </message>
    <message>
        <source>No PDF was given. Choose the scanned PDFs to import.</source>
        <translation>Aucun PDF n&apos;a été fourni. Choisissez les PDF numérisés à importer.</translation>
    </message>
    <message>
        <source>Pages per copy must be 0 (one copy per PDF) or more, not %1. Check --pages-per-copy.</source>
        <translation>Le nombre de pages par copie doit être 0 (une copie par PDF) ou plus, pas %1. Vérifiez --pages-per-copy.</translation>
    </message>
    <message>
        <source>%1 has no pages. Choose the PDF that contains the scans.</source>
        <translation>%1 n&apos;a aucune page. Choisissez le PDF qui contient les numérisations.</translation>
    </message>
    <message>
        <source>%1 has %2 pages, which cannot be split into copies of %3 pages. Check --pages-per-copy (for example %4 would fit).</source>
        <translation>%1 a %2 pages, qu&apos;on ne peut pas découper en copies de %3 pages. Vérifiez --pages-per-copy (valeurs possibles&#xa0;: %4).</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copie %1</translation>
    </message>
    <message>
        <source>The roster has %1 names but the scans make %2 copies. Make the roster list one student per copy, in scan order, or check --pages-per-copy.</source>
        <translation>La liste des élèves compte %1 noms mais les numérisations donnent %2 copies. Faites en sorte que la liste ait un élève par copie, dans l&apos;ordre de numérisation, ou vérifiez --pages-per-copy.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::LlmClient</name>
    <message>
        <source>This request was prepared for another provider than %1.</source>
        <translation>Cette requête a été préparée pour un autre fournisseur que %1.</translation>
    </message>
    <message>
        <source>the connection was refused (is the server running?)</source>
        <translation>la connexion a été refusée (le serveur est-il démarré&#xa0;?)</translation>
    </message>
    <message>
        <source>the server closed the connection before the reply was complete</source>
        <translation>le serveur a fermé la connexion avant la fin de la réponse</translation>
    </message>
    <message>
        <source>the server name could not be found</source>
        <translation>le nom du serveur est introuvable</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>le délai de connexion a expiré</translation>
    </message>
    <message>
        <source>the network is not available</source>
        <translation>le réseau n&apos;est pas disponible</translation>
    </message>
    <message>
        <source>the secure connection could not be established</source>
        <translation>la connexion sécurisée n&apos;a pas pu être établie</translation>
    </message>
    <message>
        <source>the server redirected the request</source>
        <translation>le serveur a redirigé la requête</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::PageImageExtractor</name>
    <message>
        <source>The page image settings are out of range (long side %1 px, quality %2, %3 bytes). Use a long side of at least %4 px, a quality from 1 to 100 and at least 1024 bytes.</source>
        <translation>Les réglages des images de page sont hors limites (grand côté %1 px, qualité %2, %3 octets). Utilisez un grand côté d&apos;au moins %4 px, une qualité de 1 à 100 et au moins 1024 octets.</translation>
    </message>
    <message>
        <source>The PDF of this copy cannot be read. Import the scan again.</source>
        <translation>Le PDF de cette copie est illisible. Importez de nouveau la numérisation.</translation>
    </message>
    <message>
        <source>Page %1 does not exist: the PDF has %2 pages. Import the scan again.</source>
        <translation>La page %1 n&apos;existe pas&#xa0;: le PDF a %2 pages. Importez de nouveau la numérisation.</translation>
    </message>
    <message>
        <source>Page %1 of the PDF cannot be turned into an image. Check the scan, or import it again.</source>
        <translation>La page %1 du PDF ne peut pas être convertie en image. Vérifiez la numérisation, ou importez-la de nouveau.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::PdfInspector</name>
    <message>
        <source>The password for %1 is not correct. Check it (capitals, keyboard layout) and try again.</source>
        <translation>Le mot de passe de %1 est incorrect. Vérifiez-le (majuscules, disposition du clavier) et réessayez.</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Give its password to import it, or import an unprotected copy.</source>
        <translation>%1 est protégé par un mot de passe. Indiquez son mot de passe pour l&apos;importer, ou importez une version non protégée.</translation>
    </message>
    <message>
        <source>%1 uses a kind of protection Corrige cannot open. Save an unprotected copy of it and import that.</source>
        <translation>%1 utilise une protection que Corrige ne sait pas ouvrir. Enregistrez-en une version non protégée et importez celle-ci.</translation>
    </message>
    <message>
        <source>%1 is damaged and cannot be opened. Export or scan it again, or repair it with a PDF tool.</source>
        <translation>%1 est endommagé et ne peut pas être ouvert. Exportez-le ou numérisez-le de nouveau, ou réparez-le avec un outil PDF.</translation>
    </message>
    <message>
        <source>%1 was not found. Check the path, or put the file back and import it again.</source>
        <translation>%1 est introuvable. Vérifiez le chemin, ou remettez le fichier en place et importez-le de nouveau.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a PDF file. Choose the scanned PDF inside it.</source>
        <translation>%1 est un dossier, pas un fichier PDF. Choisissez le PDF numérisé qu&apos;il contient.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Check that you are allowed to open it, or copy it somewhere else first.</source>
        <translation>%1 est illisible (%2). Vérifiez que vous avez le droit de l&apos;ouvrir, ou copiez-le d&apos;abord ailleurs.</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Copy it to a local disk and import the copy.</source>
        <translation>%1 est illisible (%2). Copiez-le sur un disque local et importez ce fichier.</translation>
    </message>
    <message>
        <source>%1 is empty (0 bytes), not a PDF. Copy the scan again from its source.</source>
        <translation>%1 est vide (0 octet)&#xa0;: ce n&apos;est pas un PDF. Copiez de nouveau la numérisation depuis sa source.</translation>
    </message>
    <message>
        <source>%1 is not a PDF file. Choose the PDF made by the scanner (export other files to PDF first).</source>
        <translation>%1 n&apos;est pas un fichier PDF. Choisissez le PDF produit par le scanner (exportez d&apos;abord les autres fichiers en PDF).</translation>
    </message>
    <message>
        <source>%1 is incomplete: the end of the file is missing. Copy or download it again.</source>
        <translation>%1 est incomplet&#xa0;: la fin du fichier manque. Copiez-le ou téléchargez-le de nouveau.</translation>
    </message>
    <message>
        <source>%1 has no pages. Choose the PDF that contains the scans.</source>
        <translation>%1 n&apos;a aucune page. Choisissez le PDF qui contient les numérisations.</translation>
    </message>
    <message>
        <source>%1 opens with this password but cannot be decrypted. Save an unprotected copy of it and import that.</source>
        <translation>%1 s&apos;ouvre avec ce mot de passe mais ne peut pas être déchiffré. Enregistrez-en une version non protégée et importez celle-ci.</translation>
    </message>
    <message>
        <source>%1 opens with this password but its decrypted copy is unreadable. Save an unprotected copy of it and import that.</source>
        <translation>%1 s&apos;ouvre avec ce mot de passe mais sa version déchiffrée est illisible. Enregistrez-en une version non protégée et importez celle-ci.</translation>
    </message>
    <message>
        <source>%1 is damaged: its list of pages is broken. Export or scan it again, or repair it with a PDF tool.</source>
        <translation>%1 est endommagé&#xa0;: sa liste de pages est cassée. Exportez-le ou numérisez-le à nouveau, ou réparez-le avec un outil PDF.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::ReviewGate</name>
    <message>
        <source>grading failed</source>
        <translation>notation échouée</translation>
    </message>
    <message>
        <source>grading failed: %1</source>
        <translation>notation échouée : %1</translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>pas encore notée</translation>
    </message>
    <message>
        <source>not graded yet: %1</source>
        <translation>pas encore notée : %1</translation>
    </message>
    <message>
        <source>the models disagree on %1</source>
        <translation>les modèles sont en désaccord sur %1</translation>
    </message>
    <message>
        <source>to check: %1</source>
        <translation>à vérifier : %1</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>à revoir</translation>
    </message>
    <message>
        <source>#%1 %2: %3</source>
        <extracomment>One copy an export lists before writing: &quot;#3 Ada Lovelace: grading failed: quota exhausted&quot;</extracomment>
        <translation>n°%1 %2 : %3</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>non notée</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::RosterCsv</name>
    <message>
        <source>%1 has a quote opened on line %2 that is never closed. Close the quote or remove it.</source>
        <translation>%1 contient un guillemet ouvert à la ligne %2 qui n&apos;est jamais fermé. Fermez-le ou supprimez-le.</translation>
    </message>
    <message>
        <source>%1 is empty. Put a header row with a &quot;name&quot; column, then one student per line.</source>
        <translation>%1 est vide. Mettez une ligne d&apos;en-tête avec une colonne «&#xa0;nom&#xa0;», puis un élève par ligne.</translation>
    </message>
    <message>
        <source>%1 has no &quot;name&quot; column (its header row is: %2). Name the column of student names &quot;name&quot; or &quot;nom&quot;.</source>
        <translation>%1 n&apos;a pas de colonne «&#xa0;nom&#xa0;» (sa ligne d&apos;en-tête est&#xa0;: %2). Intitulez «&#xa0;nom&#xa0;» ou «&#xa0;name&#xa0;» la colonne des noms d&apos;élèves.</translation>
    </message>
    <message>
        <source>%1 has a header row but no students. Add one student per line under it.</source>
        <translation>%1 a une ligne d&apos;en-tête mais aucun élève. Ajoutez un élève par ligne en dessous.</translation>
    </message>
    <message>
        <source>Row %2 of %1 has no name. Fill in the name or delete the row.</source>
        <translation>La ligne %2 de %1 n&apos;a pas de nom. Saisissez le nom ou supprimez la ligne.</translation>
    </message>
    <message>
        <source>%1 is not a plain text CSV file (it holds NUL characters). Save it from the spreadsheet as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>%1 n&apos;est pas un fichier CSV en texte brut (il contient des caractères NUL). Enregistrez-le depuis le tableur au format «&#xa0;CSV UTF-8&#xa0;» et réessayez.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::RubricDraft</name>
    <message>
        <source>The model&apos;s draft for %1 has no usable criteria. Try again or write the rubric yourself.</source>
        <translation>La proposition du modèle pour %1 ne contient aucun critère exploitable. Réessayez ou rédigez le barème vous-même.</translation>
    </message>
    <message>
        <source>The model&apos;s draft for %1 does not fit its %2 points. Try again or write the rubric yourself.</source>
        <translation>La proposition du modèle pour %1 ne correspond pas à son maximum de %2. Réessayez ou rédigez le barème vous-même.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SecretStore</name>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>the OpenAI-compatible server</source>
        <translation>le serveur compatible OpenAI</translation>
    </message>
    <message>
        <source>no keychain service is available</source>
        <translation>aucun service de trousseau n&apos;est disponible</translation>
    </message>
    <message>
        <source>access to the keychain was denied</source>
        <translation>l&apos;accès au trousseau a été refusé</translation>
    </message>
    <message>
        <source>no keychain service answered</source>
        <translation>aucun service de trousseau n&apos;a répondu</translation>
    </message>
    <message>
        <source>The system keychain did not give the key for %1 (%2). Allow Corrige to use the keychain, or enter the key again in Settings.</source>
        <translation>Le trousseau du système n&apos;a pas fourni la clé pour %1 (%2). Autorisez Corrige à utiliser le trousseau, ou saisissez de nouveau la clé dans les Paramètres.</translation>
    </message>
    <message>
        <source>The key for %1 is empty. Paste the key from your account page.</source>
        <translation>La clé pour %1 est vide. Collez la clé depuis la page de votre compte.</translation>
    </message>
    <message>
        <source>No system keychain is available, so the key for %1 is kept in memory only until Corrige closes. Enter it again next time, or set the environment variable %2.</source>
        <translation>Aucun trousseau du système n&apos;est disponible&#xa0;: la clé pour %1 est gardée en mémoire seulement jusqu&apos;à la fermeture de Corrige. Saisissez-la de nouveau la prochaine fois, ou définissez la variable d&apos;environnement %2.</translation>
    </message>
    <message>
        <source>The key for %1 could not be saved in the system keychain (%2). It is kept in memory only until Corrige closes. Enter it again next time, or set the environment variable %3.</source>
        <translation>La clé pour %1 n&apos;a pas pu être enregistrée dans le trousseau du système (%2). Elle est gardée en mémoire seulement jusqu&apos;à la fermeture de Corrige. Saisissez-la de nouveau la prochaine fois, ou définissez la variable d&apos;environnement %3.</translation>
    </message>
    <message>
        <source>The key for %1 could not be deleted from the system keychain (%2). Remove the entry &quot;%3&quot; of the service &quot;%4&quot; with your keychain manager.</source>
        <translation>La clé pour %1 n&apos;a pas pu être supprimée du trousseau du système (%2). Supprimez l&apos;entrée «&#xa0;%3&#xa0;» du service «&#xa0;%4&#xa0;» avec votre gestionnaire de trousseau.</translation>
    </message>
    <message>
        <source>The environment variable %1 still holds a key for %2; Corrige uses it until the variable is unset.</source>
        <translation>La variable d&apos;environnement %1 contient toujours une clé pour %2&#xa0;; Corrige l&apos;utilise tant que la variable est définie.</translation>
    </message>
    <message>
        <source>Stored in the system keychain.</source>
        <translation>Enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Read from an environment variable.</source>
        <translation>Lue dans une variable d&apos;environnement.</translation>
    </message>
    <message>
        <source>Kept in memory until Corrige closes; you will need to enter it again next time.</source>
        <translation>Gardée en mémoire jusqu&apos;à la fermeture de Corrige&#xa0;; il faudra la saisir de nouveau la prochaine fois.</translation>
    </message>
    <message>
        <source>No key set.</source>
        <translation>Aucune clé définie.</translation>
    </message>
    <message>
        <source>Read from the environment variable %1.</source>
        <translation>Lue dans la variable d&apos;environnement %1.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionDatabase</name>
    <message>
        <source>The session file %1 does not exist. Check the path, or create a new session.</source>
        <translation>Le fichier de session %1 n&apos;existe pas. Vérifiez le chemin, ou créez une nouvelle session.</translation>
    </message>
    <message>
        <source>Cannot read the session file %1: %2. Check that it is a file you may read.</source>
        <translation>Impossible de lire le fichier de session %1&#xa0;: %2. Vérifiez qu&apos;il s&apos;agit d&apos;un fichier que vous avez le droit de lire.</translation>
    </message>
    <message>
        <source>%1 is not a Corrige session file. Open a file ending in .corrige, or create a new session and import the scans into it.</source>
        <translation>%1 n&apos;est pas un fichier de session Corrige. Ouvrez un fichier se terminant par .corrige, ou créez une nouvelle session et importez-y les numérisations.</translation>
    </message>
    <message>
        <source>The session file %1 is damaged (it is shorter than it should be; was the copy interrupted?). Corrige has not changed it: restore it from a backup or copy it again.</source>
        <translation>Le fichier de session %1 est endommagé (il est plus court que prévu&#xa0;; sa copie a-t-elle été interrompue&#xa0;?). Corrige ne l&apos;a pas modifié&#xa0;: restaurez-le depuis une sauvegarde ou copiez-le de nouveau.</translation>
    </message>
    <message>
        <source>The session file %1 is damaged (%2). Corrige has not changed it: restore it from a backup.</source>
        <translation>Le fichier de session %1 est endommagé (%2). Corrige ne l&apos;a pas modifié&#xa0;: restaurez-le depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>its version is missing</source>
        <translation>sa version est absente</translation>
    </message>
    <message>
        <source>its version is unreadable</source>
        <translation>sa version est illisible</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Corrige (session format %2; this version reads up to format %3). Update Corrige to open it; the file was not changed.</source>
        <translation>%1 a été enregistré par une version plus récente de Corrige (format de session %2&#xa0;; cette version lit jusqu&apos;au format %3). Mettez Corrige à jour pour l&apos;ouvrir&#xa0;; le fichier n&apos;a pas été modifié.</translation>
    </message>
    <message>
        <source>Cannot open the session file %1: %2. Check the folder exists and you may write to it.</source>
        <translation>Impossible d&apos;ouvrir le fichier de session %1&#xa0;: %2. Vérifiez que le dossier existe et que vous avez le droit d&apos;y écrire.</translation>
    </message>
    <message>
        <source>Cannot prepare the session file %1: %2. Check you may write to its folder.</source>
        <translation>Impossible de préparer le fichier de session %1&#xa0;: %2. Vérifiez que vous avez le droit d&apos;écrire dans son dossier.</translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name, or open it instead of creating it.</source>
        <translation>%1 existe déjà. Choisissez un autre nom, ou ouvrez-le au lieu de le créer.</translation>
    </message>
    <message>
        <source>The folder of %1 does not exist. Create it first or choose another place.</source>
        <translation>Le dossier de %1 n&apos;existe pas. Créez-le d&apos;abord ou choisissez un autre emplacement.</translation>
    </message>
    <message>
        <source>mark the file</source>
        <translation>marquer le fichier</translation>
    </message>
    <message>
        <source>save the exam</source>
        <translation>sauvegarder l&apos;examen</translation>
    </message>
    <message>
        <source>Could not %1 in the session file %2 (%3). Nothing was changed; check the disk has space and the file is not read-only or open in another program.</source>
        <translation>Impossible de %1 dans le fichier de session %2 (%3). Rien n&apos;a été modifié&#xa0;; vérifiez qu&apos;il reste de la place sur le disque et que le fichier n&apos;est ni en lecture seule ni ouvert dans un autre programme.</translation>
    </message>
    <message>
        <source>start the upgrade</source>
        <translation>commencer la mise à niveau</translation>
    </message>
    <message>
        <source>upgrade the file to format %1</source>
        <translation>mettre le fichier au format %1</translation>
    </message>
    <message>
        <source>record the file format</source>
        <translation>noter le format du fichier</translation>
    </message>
    <message>
        <source>save question %1</source>
        <translation>sauvegarder la question %1</translation>
    </message>
    <message>
        <source>The scan %1 is missing from the session file %2.</source>
        <translation>La numérisation %1 manque dans le fichier de session %2.</translation>
    </message>
    <message>
        <source>start the import</source>
        <translation>commencer l&apos;import</translation>
    </message>
    <message>
        <source>import %1</source>
        <translation>stocker %1</translation>
    </message>
    <message>
        <source>The import plan names a missing scan.</source>
        <translation>Le plan d&apos;import mentionne une numérisation absente.</translation>
    </message>
    <message>
        <source>add %1</source>
        <translation>créer %1</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies)</source>
        <translation>
            <numerusform>%n copie</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message>
        <source>finish the import</source>
        <translation>terminer l&apos;import</translation>
    </message>
    <message>
        <source>The exam has no question %1. Check the question id.</source>
        <translation>L&apos;examen n&apos;a pas de question %1. Vérifiez l&apos;identifiant de la question.</translation>
    </message>
    <message>
        <source>save the rubric of %1</source>
        <translation>sauvegarder le barème de %1</translation>
    </message>
    <message>
        <source>save a graded copy</source>
        <translation>sauvegarder une copie notée</translation>
    </message>
    <message>
        <source>save the request log</source>
        <translation>sauvegarder le journal des requêtes</translation>
    </message>
    <message>
        <source>There is no copy %1 in this session.</source>
        <translation>Il n&apos;y a pas de copie %1 dans cette session.</translation>
    </message>
    <message>
        <source>update the copy&apos;s status</source>
        <translation>mettre à jour le statut de la copie</translation>
    </message>
    <message>
        <source>%1 is out of range for %2: give a score between 0 and %3.</source>
        <translation>%1 est hors limites pour %2&#xa0;: donnez une note entre 0 et %3.</translation>
    </message>
    <message>
        <source>save your grade</source>
        <translation>sauvegarder votre note</translation>
    </message>
    <message>
        <source>save the student&apos;s name</source>
        <translation>sauvegarder le nom de l&apos;élève</translation>
    </message>
    <message>
        <source>update the copies&apos; status</source>
        <translation>mettre à jour le statut des copies</translation>
    </message>
    <message>
        <source>start the run</source>
        <translation>commencer la correction</translation>
    </message>
    <message>
        <source>finish the run</source>
        <translation>terminer la correction</translation>
    </message>
    <message>
        <source>save a setting</source>
        <translation>sauvegarder un réglage</translation>
    </message>
    <message>
        <source>The session file %1 has changes not yet merged into it (in %1-wal), and its folder is read-only. Copy both files to a folder you may write to, and open the copy.</source>
        <translation>Le fichier de session %1 a des modifications pas encore intégrées (dans %1-wal), et son dossier est en lecture seule. Copiez les deux fichiers dans un dossier où vous pouvez écrire, puis ouvrez la copie.</translation>
    </message>
    <message>
        <source>%1 names page %2 of a scan that has %3 pages</source>
        <translation>%1 désigne la page %2 d&apos;une numérisation qui a %3 pages</translation>
    </message>
    <message>
        <source>read a scan</source>
        <translation>lire une numérisation</translation>
    </message>
    <message>
        <source>Could not read the session file %1 (%2). Nothing was changed; check the disk, or restore the file from a backup.</source>
        <translation>Impossible de lire le fichier de session %1 (%2). Rien n&apos;a été modifié&#xa0;; vérifiez le disque, ou restaurez le fichier depuis une sauvegarde.</translation>
    </message>
    <message>
        <source>record a batch</source>
        <translation>enregistrer un lot</translation>
    </message>
    <message>
        <source>save a batch&apos;s state</source>
        <translation>enregistrer l&apos;état d&apos;un lot</translation>
    </message>
    <message>
        <source>save your comment</source>
        <translation>enregistrer votre commentaire</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionImport</name>
    <message>
        <source>No PDF to import. Name one or more PDF files.</source>
        <translation>Aucun PDF à importer. Indiquez un ou plusieurs fichiers PDF.</translation>
    </message>
    <message>
        <source>The number of pages per copy must be 1 or more.</source>
        <translation>Le nombre de pages par copie doit être de 1 ou plus.</translation>
    </message>
    <message>
        <source>Cannot read the roster %1: %2. Check the path and try again.</source>
        <translation>Impossible de lire la liste des élèves %1&#xa0;: %2. Vérifiez le chemin et réessayez.</translation>
    </message>
    <message>
        <source>%1 is given twice (the same file under two names?). Import each scan once.</source>
        <translation>%1 est donné deux fois (le même fichier sous deux noms&#xa0;?). Importez chaque numérisation une seule fois.</translation>
    </message>
    <message>
        <source>%1 is already in this session: importing it again would add its copies a second time. Leave it out, or add --allow-duplicate to import it again on purpose.</source>
        <translation>%1 est déjà dans cette session&#xa0;: l&apos;importer à nouveau ajouterait ses copies une seconde fois. Laissez-le de côté, ou ajoutez --allow-duplicate pour l&apos;importer à nouveau volontairement.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionLock</name>
    <message>
        <source>Cannot write the lock file of %1 (%2). Check the disk has space and you may write to the session&apos;s folder.</source>
        <translation>Impossible d&apos;écrire le fichier de verrou de %1 (%2). Vérifiez qu&apos;il reste de la place sur le disque et que vous pouvez écrire dans le dossier de la session.</translation>
    </message>
    <message>
        <source>Cannot create the lock file beside %1 (%2). Check you may write to the session&apos;s folder, or copy the session somewhere you may.</source>
        <translation>Impossible de créer le fichier de verrou à côté de %1 (%2). Vérifiez que vous pouvez écrire dans le dossier de la session, ou copiez la session dans un dossier où vous le pouvez.</translation>
    </message>
    <message>
        <source>Cannot read the lock file of %1 (%2). Check you may read the session&apos;s folder.</source>
        <translation>Impossible de lire le fichier de verrou de %1 (%2). Vérifiez que vous pouvez lire le dossier de la session.</translation>
    </message>
    <message>
        <source>another Corrige that is opening it right now</source>
        <translation>un autre Corrige qui est en train de l&apos;ouvrir</translation>
    </message>
    <message>
        <source>%1 is open in another Corrige: %2. Close it there first; meanwhile it can only be read here.</source>
        <translation>%1 est ouverte dans un autre Corrige&#xa0;: %2. Fermez-la d&apos;abord là-bas&#xa0;; en attendant, elle ne peut qu&apos;être lue ici.</translation>
    </message>
    <message>
        <source>%1 is being opened by another Corrige right now. Try again in a moment.</source>
        <translation>%1 est en cours d&apos;ouverture dans un autre Corrige. Réessayez dans un instant.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionLockOwner</name>
    <message>
        <source>someone</source>
        <translation>quelqu&apos;un</translation>
    </message>
    <message>
        <source>%1 on %2 (%3, process %4)</source>
        <extracomment>%1 user, %2 computer, %3 program, %4 process number</extracomment>
        <translation>%1 sur %2 (%3, processus %4)</translation>
    </message>
    <message>
        <source>%1 on %2 (%3, process %4), since %5</source>
        <extracomment>%1 user, %2 computer, %3 program, %4 process number, %5 date and time</extracomment>
        <translation>%1 sur %2 (%3, processus %4), depuis le %5</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::SessionStore</name>
    <message>
        <source>No session is open. Open or create one first.</source>
        <translation>Aucune session n&apos;est ouverte. Ouvrez-en une ou créez-en une d&apos;abord.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::StoreCalls</name>
    <message>
        <source>No session is open.</source>
        <translation>Aucune session n&apos;est ouverte.</translation>
    </message>
</context>
<context>
    <name>Corrige::Core::XlsxExporter</name>
    <message>
        <source>Cannot create a temporary folder for the spreadsheet: %1.</source>
        <translation>Impossible de créer un dossier temporaire pour le tableur : %1.</translation>
    </message>
    <message>
        <source>Cannot start the spreadsheet.</source>
        <translation>Impossible de commencer le tableur.</translation>
    </message>
    <message>
        <source>Grades</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiques</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Student ID</source>
        <translation>Identifiant élève</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>%1 (/%2)</source>
        <extracomment>Spreadsheet column of one question: its label and its maximum, e.g. &quot;Question 1 (/4)&quot;</extracomment>
        <translation>%1 (/%2)</translation>
    </message>
    <message>
        <source>Total (/%1)</source>
        <translation>Total (/%1)</translation>
    </message>
    <message>
        <source>Mark (/20)</source>
        <translation>Note (/20)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>graded</source>
        <translation>notée</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>sans réponse</translation>
    </message>
    <message>
        <source>illegible</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>suspicious</source>
        <translation>suspect</translation>
    </message>
    <message>
        <source>clamped</source>
        <translation>note ajustée</translation>
    </message>
    <message>
        <source>models disagree</source>
        <translation>modèles en désaccord</translation>
    </message>
    <message>
        <source>needs review</source>
        <translation>à revoir</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Médiane</translation>
    </message>
    <message>
        <source>Standard deviation</source>
        <translation>Écart type</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Cannot write the spreadsheet: %1.</source>
        <translation>Impossible d&apos;écrire le tableur : %1.</translation>
    </message>
    <message>
        <source>Cannot read the spreadsheet back: %1.</source>
        <translation>Impossible de relire le tableur : %1.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::AboutDialog</name>
    <message>
        <source>About Corrige</source>
        <translation>À propos de Corrige</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Built on %1</source>
        <translation>Repose sur %1</translation>
    </message>
    <message>
        <source>Grades scanned, handwritten exam copies with vision language models. You review every grade; yours always win.</source>
        <translation>Corrige des copies d&apos;examen manuscrites scannées avec des modèles de langage visuels. Vous revoyez chaque note&#xa0;; les vôtres l&apos;emportent toujours.</translation>
    </message>
    <message>
        <source>Corrige is free software under the %1 (%2), and comes with no warranty. &lt;a href=&quot;%3&quot;&gt;Read the help&lt;/a&gt;.</source>
        <translation>Corrige est un logiciel libre sous la %1 (%2), fourni sans aucune garantie. &lt;a href=&quot;%3&quot;&gt;Lire l&apos;aide&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Corrige uses and, in its installers, includes:</source>
        <translation>Corrige utilise et, dans ses installateurs, inclut&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Licence…</source>
        <translation>&amp;Licence…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::BatchController</name>
    <message>
        <source>The batch could not be submitted: %1</source>
        <translation>Le lot n&apos;a pas pu être soumis&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) submitted as a batch; the results will be imported as they come.</source>
        <translation>
            <numerusform>%n copie soumise en lot&#xa0;; les résultats seront importés à leur arrivée.</numerusform>
            <numerusform>%n copies soumises en lot&#xa0;; les résultats seront importés à leur arrivée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to submit: every copy is graded or already in a batch.</source>
        <translation>Rien à soumettre&#xa0;: toutes les copies sont notées ou déjà dans un lot.</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) imported from the batches.</source>
        <translation>
            <numerusform>%n copie importée des lots.</numerusform>
            <numerusform>%n copies importées des lots.</numerusform>
        </translation>
    </message>
    <message>
        <source>The batches are cancelled: what they completed is imported, the other copies can be graded live with Grade all.</source>
        <translation>Les lots sont annulés&#xa0;: ce qu&apos;ils ont terminé est importé, les autres copies peuvent être corrigées en direct avec Tout corriger.</translation>
    </message>
    <message>
        <source>Preparing the batch…</source>
        <translation>Préparation du lot…</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::BatchPanel</name>
    <message>
        <source>Cancel the batches and grade the rest live</source>
        <translation>Annuler les lots et corriger le reste en direct</translation>
    </message>
    <message>
        <source>What the batches completed is imported; the other copies go back to “not graded”, ready for Grade all.</source>
        <translation>Ce que les lots ont terminé est importé&#xa0;; les autres copies repassent à «&#xa0;non notée&#xa0;», prêtes pour Tout corriger.</translation>
    </message>
    <message>
        <source>being created</source>
        <translation>en création</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>being cancelled</source>
        <translation>en cours d&apos;annulation</translation>
    </message>
    <message>
        <source>finished, importing</source>
        <translation>terminé, import en cours</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>expiré</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <source>never created</source>
        <translation>jamais créé</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>il y a %n&#xa0;min</numerusform>
            <numerusform>il y a %n&#xa0;min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>il y a %n&#xa0;h</numerusform>
            <numerusform>il y a %n&#xa0;h</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2: %3, %4 of %5 done, %6 failed, sent %7</source>
        <translation>%1 · %2&#xa0;: %3, %4 sur %5 faites, %6 en échec, envoyé %7</translation>
    </message>
    <message numerus="yes">
        <source>%n batch(es) out: half price, results usually within hours, at most 24 h</source>
        <translation>
            <numerusform>%n lot en cours&#xa0;: moitié prix, résultats en général en quelques heures, en 24&#xa0;h au plus</numerusform>
            <numerusform>%n lots en cours&#xa0;: moitié prix, résultats en général en quelques heures, en 24&#xa0;h au plus</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CopyFilterProxy</name>
    <message>
        <source>All copies</source>
        <translation>Toutes les copies</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Non notées</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>Signalées</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CopyListModel</name>
    <message>
        <source>Not graded</source>
        <translation>Non notée</translation>
    </message>
    <message>
        <source>Graded</source>
        <translation>Notée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation>– / %1</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Questions flagged blank, illegible, suspicious, clamped or to review</source>
        <translation>Questions signalées&#xa0;: sans réponse, illisible, suspecte, note ajustée ou à revoir</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Élève</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Alertes</translation>
    </message>
    <message>
        <source>%1 has no student name yet. Double-click to type it.</source>
        <translation>%1 n&apos;a pas encore de nom d&apos;élève. Double-cliquez pour le saisir.</translation>
    </message>
    <message>
        <source>%1. Double-click to edit the student&apos;s name.</source>
        <translation>%1. Double-cliquez pour modifier le nom de l&apos;élève.</translation>
    </message>
    <message>
        <source>In a batch</source>
        <extracomment>A copy sent in a batch whose results have not come back yet</extracomment>
        <translation>Dans un lot</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::CriteriaModel</name>
    <message>
        <source>Criterion</source>
        <translation>Critère</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Moodle grade import</source>
        <translation>Import de notes dans Moodle</translation>
    </message>
    <message>
        <source>Pronote (paste into the marks table)</source>
        <translation>Pronote (à coller dans le tableau des notes)</translation>
    </message>
    <message>
        <source>Annotated PDFs, one per student</source>
        <translation>PDF annotés, un par élève</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Replace existing files</source>
        <translation>&amp;Remplacer les fichiers existants</translation>
    </message>
    <message>
        <source>Before you import the file:</source>
        <translation>Avant d&apos;importer le fichier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>grades</source>
        <extracomment>Part of a suggested file name: &quot;&lt;exam title&gt; - grades.csv&quot;</extracomment>
        <translation>notes</translation>
    </message>
    <message>
        <source>Moodle</source>
        <translation>Moodle</translation>
    </message>
    <message>
        <source>Pronote</source>
        <translation>Pronote</translation>
    </message>
    <message>
        <source>%1 - annotated PDFs</source>
        <translation>%1 - PDF annotés</translation>
    </message>
    <message>
        <source>%1 - %2.csv</source>
        <extracomment>A suggested file name: exam title, then the format</extracomment>
        <translation>%1 - %2.csv</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Fichier&#xa0;:</translation>
    </message>
    <message>
        <source>Before you send the PDFs:</source>
        <translation>Avant d&apos;envoyer les PDF&#xa0;:</translation>
    </message>
    <message>
        <source>Folder for the annotated PDFs</source>
        <translation>Dossier des PDF annotés</translation>
    </message>
    <message>
        <source>Export the grades</source>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Écriture de %1…</translation>
    </message>
    <message>
        <source>%1 is a file. Choose the folder where the PDFs should go.</source>
        <translation>%1 est un fichier. Choisissez le dossier où placer les PDF.</translation>
    </message>
    <message>
        <source>The session is closed: open it again to export its PDFs.</source>
        <translation>La session est fermée&#xa0;: rouvrez-la pour exporter ses PDF.</translation>
    </message>
    <message>
        <source>Reading the scans…</source>
        <translation>Lecture des numérisations…</translation>
    </message>
    <message>
        <source>Writing the PDFs…</source>
        <translation>Écriture des PDF…</translation>
    </message>
    <message>
        <source>A scan of this session could not be read.</source>
        <translation>Une numérisation de cette session n&apos;a pas pu être lue.</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Écrit&#xa0;: %1</translation>
    </message>
    <message>
        <source>Stopping after the PDF being written…</source>
        <translation>Arrêt après le PDF en cours d&apos;écriture…</translation>
    </message>
    <message>
        <source>Export stopped: %1 of %2 PDFs written to %3.</source>
        <translation>Export arrêté&#xa0;: %1 PDF sur %2 écrit(s) dans %3.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n annotated PDF(s) to %1.</source>
        <translation>
            <numerusform>%n PDF annoté écrit dans %1.</numerusform>
            <numerusform>%n PDF annotés écrits dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %1 (%n copy(ies)).</source>
        <translation>
            <numerusform>%1 écrit (%n copie).</numerusform>
            <numerusform>%1 écrit (%n copies).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export stopped</source>
        <translation>Export arrêté</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
    <message>
        <source>%1

Open the folder?</source>
        <translation>%1

Ouvrir le dossier&#xa0;?</translation>
    </message>
    <message>
        <source>Spreadsheet (Excel, LibreOffice)</source>
        <translation>Tableur (Excel, LibreOffice)</translation>
    </message>
    <message>
        <source>Every question as numbers, the total, the mark out of 20, the status, and a sheet of statistics.</source>
        <translation>Chaque question en nombres, le total, la note sur 20, le statut, et une feuille de statistiques.</translation>
    </message>
    <message>
        <source>CSV file</source>
        <translation>Fichier CSV</translation>
    </message>
    <message>
        <source>The same columns as plain text, for scripts or a spreadsheet.</source>
        <translation>Les mêmes colonnes en texte brut, pour des scripts ou un tableur.</translation>
    </message>
    <message>
        <source>One identifier and the total (and feedback), for Moodle&apos;s &quot;Import grades from CSV&quot;.</source>
        <translation>Un identifiant et le total (et le feedback), pour « Importer des notes depuis un fichier CSV » de Moodle.</translation>
    </message>
    <message>
        <source>&quot;NOM Prénom&quot; in Pronote&apos;s order and the mark out of 20, with decimal commas.</source>
        <translation>« NOM Prénom » dans l&apos;ordre de Pronote et la note sur 20, avec virgules décimales.</translation>
    </message>
    <message>
        <source>A summary with each score, its justification and your comments, then the original scans.</source>
        <translation>Une synthèse avec chaque note, sa justification et vos commentaires, puis les scans d&apos;origine.</translation>
    </message>
    <message>
        <source>&amp;Spelling:</source>
        <translation>É&amp;criture :</translation>
    </message>
    <message>
        <source>French spreadsheet (semicolons, decimal commas)</source>
        <translation>Tableur français (points-virgules, virgules décimales)</translation>
    </message>
    <message>
        <source>Standard CSV (commas, decimal points)</source>
        <translation>CSV standard (virgules, points décimaux)</translation>
    </message>
    <message>
        <source>rfc4180</source>
        <extracomment>The CSV spelling chosen by default in this language: &quot;excel-fr&quot; in French, &quot;rfc4180&quot; otherwise</extracomment>
        <translation>excel-fr</translation>
    </message>
    <message>
        <source>&amp;Map users from:</source>
        <translation>&amp;Associer les utilisateurs par :</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>Adresse de courriel</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Numéro d&apos;identification</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2 of %n copies)</source>
        <extracomment>A Moodle identifier and how many copies have it: &quot;Email address (4 of 5 copies)&quot;</extracomment>
        <translation>
            <numerusform>%1 (%2 sur %n copie)</numerusform>
            <numerusform>%1 (%2 sur %n copies)</numerusform>
        </translation>
    </message>
    <message>
        <source>Add &amp;feedback</source>
        <translation>Ajouter le &amp;feedback</translation>
    </message>
    <message>
        <source>A Feedback column with each question&apos;s justification and your comments.</source>
        <translation>Une colonne Feedback avec la justification de chaque question et vos commentaires.</translation>
    </message>
    <message>
        <source>Also one &amp;PDF of the whole class, for printing</source>
        <translation>Aussi un &amp;PDF de toute la classe, pour l&apos;impression</translation>
    </message>
    <message>
        <source>%1 - grades.xlsx</source>
        <extracomment>A suggested file name: &quot;&lt;exam title&gt; - grades.xlsx&quot;</extracomment>
        <translation>%1 - notes.xlsx</translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>n°%1 %2</translation>
    </message>
    <message numerus="yes">
        <source>No PDF for %n copy(ies) not graded or whose grading failed: %1.</source>
        <translation>
            <numerusform>Pas de PDF pour %n copie non notée ou en échec : %1.</numerusform>
            <numerusform>Pas de PDF pour %n copies non notées ou en échec : %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) need review, failed, or are not graded: you will be asked before writing.</source>
        <translation>
            <numerusform>%n copie est à revoir, en échec ou non notée : la question vous sera posée avant l&apos;écriture.</numerusform>
            <numerusform>%n copies sont à revoir, en échec ou non notées : la question vous sera posée avant l&apos;écriture.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) need review, failed, or are not graded:</source>
        <translation>
            <numerusform>%n copie est à revoir, en échec ou non notée :</numerusform>
            <numerusform>%n copies sont à revoir, en échec ou non notées :</numerusform>
        </translation>
    </message>
    <message>
        <source>Review before exporting?</source>
        <translation>Revoir avant d&apos;exporter ?</translation>
    </message>
    <message>
        <source>Export anyway</source>
        <translation>Exporter quand même</translation>
    </message>
    <message>
        <source>Review first</source>
        <translation>Revoir d&apos;abord</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx);;All files (*)</source>
        <translation>Tableurs (*.xlsx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>%1 - whole class.pdf</source>
        <extracomment>The single PDF of the whole class, in the folder of the annotated PDFs</extracomment>
        <translation>%1 - toute la classe.pdf</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::FlagTags</name>
    <message>
        <source>Blank</source>
        <translation>Sans réponse</translation>
    </message>
    <message>
        <source>Illegible</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>Suspicious</source>
        <translation>Suspect</translation>
    </message>
    <message>
        <source>Clamped</source>
        <translation>Note ajustée</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>À revoir</translation>
    </message>
    <message>
        <source>The model found no answer to this question.</source>
        <translation>Le modèle n&apos;a trouvé aucune réponse à cette question.</translation>
    </message>
    <message>
        <source>The model could not read part of the answer.</source>
        <translation>Le modèle n&apos;a pas pu lire une partie de la réponse.</translation>
    </message>
    <message>
        <source>The copy contains text aimed at the grader (for example an instruction to give full marks). The model reported it instead of obeying.</source>
        <translation>La copie contient un texte adressé au correcteur (par exemple une consigne pour mettre la note maximale). Le modèle l&apos;a signalé au lieu d&apos;obéir.</translation>
    </message>
    <message>
        <source>The model gave a score outside the allowed range; it was brought back.</source>
        <translation>Le modèle a donné une note hors des limites permises&#xa0;; elle y a été ramenée.</translation>
    </message>
    <message>
        <source>The two models disagree beyond the tolerance, or the model was unsure. Your decision is needed.</source>
        <translation>Les deux modèles divergent au-delà de la tolérance, ou le modèle avait un doute. Votre décision est nécessaire.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradeAllController</name>
    <message>
        <source>The rubric could not be saved</source>
        <translation>Le barème n&apos;a pas pu être enregistré</translation>
    </message>
    <message>
        <source>The rubric could not be saved in the session, so grading was not started.

%1</source>
        <translation>Le barème n&apos;a pas pu être enregistré dans la session&#xa0;: la correction n&apos;a donc pas été lancée.

%1</translation>
    </message>
    <message>
        <source>Grading could not start</source>
        <translation>La correction n&apos;a pas pu démarrer</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradePanel</name>
    <message>
        <source>Select a copy to see its grades.</source>
        <translation>Sélectionnez une copie pour voir ses notes.</translation>
    </message>
    <message>
        <source>Show all details</source>
        <translation>Afficher tous les détails</translation>
    </message>
    <message>
        <source>Show or hide the justification and transcription of every question</source>
        <translation>Afficher ou masquer la justification et la transcription de chaque question</translation>
    </message>
    <message>
        <source>%1 / %2: next or previous question. Type a score, Enter confirms and goes on.</source>
        <translation>%1 / %2&#xa0;: question suivante ou précédente. Tapez une note&#xa0;; Entrée la valide et passe à la suite.</translation>
    </message>
    <message>
        <source>Hide all details</source>
        <translation>Masquer tous les détails</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation>– / %1</translation>
    </message>
    <message numerus="yes">
        <source>%n to review</source>
        <translation>
            <numerusform>%n à revoir</numerusform>
            <numerusform>%n à revoir</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not graded</source>
        <translation>
            <numerusform>%n non notée</numerusform>
            <numerusform>%n non notées</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>separator between parts of the copy&apos;s summary</comment>
        <translation>, </translation>
    </message>
    <message>
        <source>Grading failed: %1</source>
        <translation>Échec de la correction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Comment on the whole copy, for the student</source>
        <translation>Commentaire sur toute la copie, pour l&apos;élève</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::GradeSetupDialog</name>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible server</source>
        <translation>Serveur compatible OpenAI</translation>
    </message>
    <message>
        <source>Grade all copies</source>
        <translation>Corriger toutes les copies</translation>
    </message>
    <message>
        <source>Choose how to grade, then start. You can stop at any time; copies already graded are kept.</source>
        <translation>Choisissez comment corriger, puis lancez. Vous pouvez arrêter à tout moment&#xa0;; les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Grade “%1”. Choose how, then start. You can stop at any time; copies already graded are kept.</source>
        <translation>Corriger «&#xa0;%1&#xa0;». Choisissez comment, puis lancez. Vous pouvez arrêter à tout moment&#xa0;; les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>&amp;One model</source>
        <translation>&amp;Un modèle</translation>
    </message>
    <message>
        <source>&amp;Two models, compared (dual mode)</source>
        <translation>&amp;Deux modèles comparés (double correction)</translation>
    </message>
    <message>
        <source>Model A</source>
        <translation>Modèle A</translation>
    </message>
    <message>
        <source>Model B</source>
        <translation>Modèle B</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <source>&amp;Regrade copies already graded by a model</source>
        <translation>&amp;Recorriger les copies déjà notées par un modèle</translation>
    </message>
    <message>
        <source>Grade again the questions a model has already graded. Your own grades are never replaced.</source>
        <translation>Corriger de nouveau les questions déjà notées par un modèle. Vos propres notes ne sont jamais remplacées.</translation>
    </message>
    <message>
        <source>Estimate</source>
        <translation>Estimation</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Jetons&#xa0;:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Coût&#xa0;:</translation>
    </message>
    <message>
        <source>Start grading</source>
        <translation>Lancer la correction</translation>
    </message>
    <message>
        <source>The model&apos;s identifier as the provider spells it, for example gemini-2.5-flash or gpt-4.1-mini.</source>
        <translation>L&apos;identifiant du modèle tel que l&apos;écrit le fournisseur, par exemple gemini-2.5-flash ou gpt-4.1-mini.</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>Ouvrir les paramètres…</translation>
    </message>
    <message>
        <source>Enter the API key, the server address or the prices</source>
        <translation>Saisir la clé d&apos;API, l&apos;adresse du serveur ou les prix</translation>
    </message>
    <message>
        <source>Provider:</source>
        <translation>Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Clé d&apos;API&#xa0;:</translation>
    </message>
    <message>
        <source>for example llama3.2-vision</source>
        <translation>par exemple llama3.2-vision</translation>
    </message>
    <message>
        <source>for example %1</source>
        <translation>par exemple %1</translation>
    </message>
    <message>
        <source>Each copy is graded by both models. Where they disagree beyond the tolerance, the question is flagged for you to decide.</source>
        <translation>Chaque copie est corrigée par les deux modèles. Quand ils divergent au-delà de la tolérance, la question vous est signalée pour que vous tranchiez.</translation>
    </message>
    <message>
        <source>Each copy is graded once. Two models cost twice as much but flag the answers they disagree on.</source>
        <translation>Chaque copie est corrigée une fois. Deux modèles coûtent deux fois plus cher mais signalent les réponses sur lesquelles ils divergent.</translation>
    </message>
    <message>
        <source>Nothing to grade: every copy already has a grade.</source>
        <translation>Rien à corriger&#xa0;: chaque copie a déjà une note.</translation>
    </message>
    <message>
        <source>Copies to grade: %1 of %2 (%3 questions)</source>
        <translation>Copies à corriger&#xa0;: %1 sur %2 (questions&#xa0;: %3)</translation>
    </message>
    <message>
        <source>Skipped, already graded by a model: %1</source>
        <translation>Ignorées, déjà notées par un modèle&#xa0;: %1</translation>
    </message>
    <message>
        <source>Skipped, graded by you: %1</source>
        <translation>Ignorées, notées par vous&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed last time, graded again: %1</source>
        <translation>En échec la dernière fois, corrigées de nouveau&#xa0;: %1</translation>
    </message>
    <message>
        <source>No copy is skipped.</source>
        <translation>Aucune copie n&apos;est ignorée.</translation>
    </message>
    <message>
        <source>Every copy is already graded. Tick “Regrade copies already graded by a model” to grade them again.</source>
        <translation>Toutes les copies sont déjà notées. Cochez «&#xa0;Recorriger les copies déjà notées par un modèle&#xa0;» pour les corriger de nouveau.</translation>
    </message>
    <message>
        <source>There is no copy to grade.</source>
        <translation>Il n&apos;y a aucune copie à corriger.</translation>
    </message>
    <message>
        <source>about %1 sent, %2 received</source>
        <translation>environ %1 envoyés, %2 reçus</translation>
    </message>
    <message>
        <source>about %1</source>
        <translation>environ %1</translation>
    </message>
    <message>
        <source>From list prices, without retries. Your provider&apos;s bill is what counts.</source>
        <translation>D&apos;après les prix catalogue, hors nouvelles tentatives. Seule la facture de votre fournisseur fait foi.</translation>
    </message>
    <message>
        <source>unknown: no price set for %1 (Settings › Prices)</source>
        <translation>inconnu&#xa0;: aucun prix défini pour %1 (Paramètres › Prix)</translation>
    </message>
    <message>
        <source>about %1, plus %2 (no price set)</source>
        <translation>environ %1, plus %2 (aucun prix défini)</translation>
    </message>
    <message>
        <source>in the system keychain</source>
        <translation>dans le trousseau du système</translation>
    </message>
    <message>
        <source>from the %1 variable</source>
        <translation>depuis la variable %1</translation>
    </message>
    <message>
        <source>typed in this session, not saved</source>
        <translation>saisie pendant cette session, non enregistrée</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Serveur&#xa0;:</translation>
    </message>
    <message>
        <source>looking for it…</source>
        <translation>recherche en cours…</translation>
    </message>
    <message>
        <source>could not be read</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>none (most local servers need none)</source>
        <translation>aucune (la plupart des serveurs locaux n&apos;en demandent pas)</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>absente</translation>
    </message>
    <message>
        <source>Enter it in Settings, or set the %1 environment variable.</source>
        <translation>Saisissez-la dans les Paramètres, ou définissez la variable d&apos;environnement %1.</translation>
    </message>
    <message>
        <source>&amp;Hide the top of each first page, where names are written</source>
        <translation>&amp;Masquer le haut de chaque première page, où figurent les noms</translation>
    </message>
    <message>
        <source>The models then see only the copy&apos;s number, never the student&apos;s name.</source>
        <translation>Les modèles ne voient alors que le numéro de la copie, jamais le nom de l&apos;élève.</translation>
    </message>
    <message>
        <source>Send each question with only the &amp;pages it is on</source>
        <translation>Envoyer chaque question avec seulement ses &amp;pages</translation>
    </message>
    <message>
        <source>Uses the pages given for each question in the exam: smaller requests, but one request per group of questions instead of one per copy.</source>
        <translation>Utilise les pages indiquées pour chaque question dans l&apos;examen&#xa0;: des requêtes plus petites, mais une requête par groupe de questions au lieu d&apos;une par copie.</translation>
    </message>
    <message>
        <source>&amp;Batch: half price, results usually within hours, at most 24 h</source>
        <translation>Par &amp;lot&#xa0;: moitié prix, résultats en général en quelques heures, en 24&#xa0;h au plus</translation>
    </message>
    <message>
        <source>Sends the copies through the provider&apos;s Batch API (Gemini or OpenAI). Corrige imports the results when they come, while the session is open or the next time you open it.</source>
        <translation>Envoie les copies par l&apos;API de lots du fournisseur (Gemini ou OpenAI). Corrige importe les résultats à leur arrivée, pendant que la session est ouverte ou à sa prochaine ouverture.</translation>
    </message>
    <message>
        <source>Submit the batch</source>
        <translation>Soumettre le lot</translation>
    </message>
    <message>
        <source>about %1 at the batch price</source>
        <translation>environ %1 au tarif des lots</translation>
    </message>
    <message>
        <source>Half the list prices, without retries. Your provider&apos;s bill is what counts.</source>
        <translation>La moitié des prix publics, sans les nouvelles tentatives. Seule la facture de votre fournisseur fait foi.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::HelpWindow</name>
    <message>
        <source>Corrige help</source>
        <translation>Aide de Corrige</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::MainWindow</name>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>Corrige</source>
        <translation>Corrige</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Grade the copies left, keeping every grade already stored</source>
        <translation>Corriger les copies restantes, en gardant toutes les notes déjà enregistrées</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>Affic&amp;her&#xa0;:</translation>
    </message>
    <message>
        <source>No copy matches this filter.</source>
        <translation>Aucune copie ne correspond à ce filtre.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nouvelle session…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la &amp;démo</translation>
    </message>
    <message>
        <source>&amp;Recent sessions</source>
        <translation>Sessions &amp;récentes</translation>
    </message>
    <message>
        <source>&amp;Import scans…</source>
        <translation>&amp;Importer des copies numérisées…</translation>
    </message>
    <message>
        <source>&amp;Close session</source>
        <translation>&amp;Fermer la session</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Edit the student&apos;s &amp;name</source>
        <translation>Modifier le &amp;nom de l&apos;élève</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Next copy</source>
        <translation>Copie &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous copy</source>
        <translation>Copie &amp;précédente</translation>
    </message>
    <message>
        <source>Next pa&amp;ge</source>
        <translation>Pa&amp;ge suivante</translation>
    </message>
    <message>
        <source>Next page of this copy (%1)</source>
        <translation>Page suivante de cette copie (%1)</translation>
    </message>
    <message>
        <source>Previous p&amp;age</source>
        <translation>Page pré&amp;cédente</translation>
    </message>
    <message>
        <source>Previous page of this copy (%1)</source>
        <translation>Page précédente de cette copie (%1)</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>Ajuster à la &amp;largeur</translation>
    </message>
    <message>
        <source>Fit &amp;page</source>
        <translation>Afficher la page &amp;entière</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>&amp;Grading</source>
        <translation>&amp;Correction</translation>
    </message>
    <message>
        <source>&amp;Grade all…</source>
        <translation>&amp;Tout corriger…</translation>
    </message>
    <message>
        <source>&amp;Rubrics…</source>
        <translation>&amp;Barèmes…</translation>
    </message>
    <message>
        <source>Zoom out (%1)</source>
        <translation>Zoom arrière (%1)</translation>
    </message>
    <message>
        <source>Zoom in (%1)</source>
        <translation>Zoom avant (%1)</translation>
    </message>
    <message>
        <source>No recent sessions</source>
        <translation>Aucune session récente</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>&amp;Effacer la liste</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent sessions.</source>
        <translation>%1 n&apos;existe plus&#xa0;; il a été retiré des sessions récentes.</translation>
    </message>
    <message>
        <source>Open a session</source>
        <translation>Ouvrir une session</translation>
    </message>
    <message>
        <source>Corrige sessions (*.corrige);;All files (*)</source>
        <translation>Sessions Corrige (*.corrige);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Preparing the demo session…</source>
        <translation>Préparation de la session de démonstration…</translation>
    </message>
    <message>
        <source>The demo could not be prepared</source>
        <translation>La démonstration n&apos;a pas pu être préparée</translation>
    </message>
    <message>
        <source>Grading in progress</source>
        <translation>Correction en cours</translation>
    </message>
    <message>
        <source>Copies are being graded in this session. Stop grading and open %1? Every grade already received is kept.</source>
        <translation>Des copies sont en cours de correction dans cette session. Arrêter la correction et ouvrir %1&#xa0;? Toutes les notes déjà reçues sont conservées.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>The session could not be opened</source>
        <translation>La session n&apos;a pas pu être ouverte</translation>
    </message>
    <message>
        <source>The change could not be saved</source>
        <translation>La modification n&apos;a pas pu être enregistrée</translation>
    </message>
    <message>
        <source>The session could not be read</source>
        <translation>La session n&apos;a pas pu être lue</translation>
    </message>
    <message>
        <source>Copies are being graded. Stop grading and close the session? Every grade already received is kept.</source>
        <translation>Des copies sont en cours de correction. Arrêter la correction et fermer la session&#xa0;? Toutes les notes déjà reçues sont conservées.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The scan of this copy cannot be shown (the PDF stored in the session does not open).</source>
        <translation>La numérisation de cette copie ne peut pas être affichée (le PDF enregistré dans la session ne s&apos;ouvre pas).</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>score of %1, %2: %3 → %4</source>
        <translation>note de %1, %2&#xa0;: %3 → %4</translation>
    </message>
    <message>
        <source>student&apos;s name: %1 → %2</source>
        <translation>nom de l&apos;élève&#xa0;: %1 → %2</translation>
    </message>
    <message>
        <source>Copies are being graded. Stop grading and quit? Every grade already received is kept; grading again later goes on with the copies left.</source>
        <translation>Des copies sont en cours de correction. Arrêter la correction et quitter&#xa0;? Toutes les notes déjà reçues sont conservées&#xa0;; une prochaine correction reprendra avec les copies restantes.</translation>
    </message>
    <message>
        <source>Copies imported: %1.</source>
        <translation>Copies importées&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Copies: %1 · graded %2 · to review %3 · failed %4 · not graded %5</source>
        <translation>Copies&#xa0;: %1 · notées %2 · à revoir %3 · en échec %4 · non notées %5</translation>
    </message>
    <message numerus="yes">
        <source>The last grading run stopped with %n copies left.</source>
        <translation>
            <numerusform>La dernière correction s&apos;est arrêtée avec %n copie restante.</numerusform>
            <numerusform>La dernière correction s&apos;est arrêtée avec %n copies restantes.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>−</source>
        <extracomment>Short label of the zoom-out button above the scan</extracomment>
        <translation>−</translation>
    </message>
    <message>
        <source>+</source>
        <extracomment>Short label of the zoom-in button above the scan</extracomment>
        <translation>+</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Open a&amp;gain</source>
        <translation>&amp;Rouvrir</translation>
    </message>
    <message>
        <source>Open the session again, for writing if the other Corrige has closed it</source>
        <translation>Rouvrir la session, en écriture si l&apos;autre Corrige l&apos;a fermée</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Corrige &amp;help</source>
        <translation>&amp;Aide de Corrige</translation>
    </message>
    <message>
        <source>&amp;About Corrige</source>
        <translation>À &amp;propos de Corrige</translation>
    </message>
    <message>
        <source>%1 — %2 (read-only)</source>
        <extracomment>Window title: %1 exam, %2 session file</extracomment>
        <translation>%1 — %2 (lecture seule)</translation>
    </message>
    <message>
        <source>Read-only: %1 is open in another Corrige, by %2. You can read and export it here; to change it, close it there, then open it again here.</source>
        <translation>Lecture seule&#xa0;: %1 est ouverte dans un autre Corrige, par %2. Vous pouvez la lire et l&apos;exporter ici&#xa0;; pour la modifier, fermez-la là-bas, puis rouvrez-la ici.</translation>
    </message>
    <message>
        <source>Read-only: %1 was open in another Corrige, which has closed it since. Open it again to make changes.</source>
        <translation>Lecture seule&#xa0;: %1 était ouverte dans un autre Corrige, qui l&apos;a fermée depuis. Rouvrez-la pour la modifier.</translation>
    </message>
    <message>
        <source>This session is read-only: another Corrige writes to it.</source>
        <translation>Cette session est en lecture seule&#xa0;: un autre Corrige l&apos;écrit.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::NewSessionDialog</name>
    <message>
        <source>page %1</source>
        <translation>page %1</translation>
    </message>
    <message>
        <source>pages %1–%2</source>
        <translation>pages %1–%2</translation>
    </message>
    <message>
        <source>exam</source>
        <translation>examen</translation>
    </message>
    <message>
        <source>&amp;Create session…</source>
        <translation>&amp;Créer la session…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Nouvelle session</translation>
    </message>
    <message>
        <source>Describe the exam and add the scanned copies. Corrige checks every file now; nothing is written until you press Create.</source>
        <translation>Décrivez l&apos;examen et ajoutez les copies numérisées. Corrige vérifie chaque fichier dès maintenant&#xa0;; rien n&apos;est écrit avant que vous appuyiez sur Créer.</translation>
    </message>
    <message>
        <source>Import scans</source>
        <translation>Importer des copies numérisées</translation>
    </message>
    <message numerus="yes">
        <source>Add scanned copies to “%1”. The new copies follow the %n already in the session; nothing is written until you press Import.</source>
        <translation>
            <numerusform>Ajoutez des copies numérisées à «&#xa0;%1&#xa0;». Les nouvelles copies viennent après %n copie déjà présente dans la session&#xa0;; rien n&apos;est écrit avant que vous appuyiez sur Importer.</numerusform>
            <numerusform>Ajoutez des copies numérisées à «&#xa0;%1&#xa0;». Les nouvelles copies viennent après les %n copies déjà présentes dans la session&#xa0;; rien n&apos;est écrit avant que vous appuyiez sur Importer.</numerusform>
        </translation>
    </message>
    <message>
        <source>1. The exam</source>
        <translation>1. L&apos;examen</translation>
    </message>
    <message>
        <source>e.g. Physics — test 3 — class 2B</source>
        <translation>ex.&#xa0;: Physique — contrôle 3 — 2de B</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Autre…</translation>
    </message>
    <message>
        <source>The language the copies are written in; the models justify their grades in it</source>
        <translation>La langue dans laquelle les copies sont rédigées&#xa0;; les modèles y justifient leurs notes</translation>
    </message>
    <message>
        <source>language code, e.g. de, es, it</source>
        <translation>code de langue, ex.&#xa0;: de, es, it</translation>
    </message>
    <message>
        <source>&amp;Load exam JSON…</source>
        <translation>Charger un e&amp;xamen JSON…</translation>
    </message>
    <message>
        <source>Fill in the title and the questions (with their rubrics) from an exam file</source>
        <translation>Remplir le titre et les questions (avec leurs barèmes) à partir d&apos;un fichier d&apos;examen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>A short key for the question, unique in the exam (q1, 2a…)</source>
        <translation>Un identifiant court pour la question, unique dans l&apos;examen (q1, 2a…)</translation>
    </message>
    <message>
        <source>The question&apos;s maximum</source>
        <translation>Le nombre de points maximum de la question</translation>
    </message>
    <message>
        <source>&amp;Add question</source>
        <translation>A&amp;jouter une question</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move the question up</source>
        <translation>Monter la question</translation>
    </message>
    <message>
        <source>Move the question down</source>
        <translation>Descendre la question</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>La&amp;ngue&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Questions:</source>
        <translation>&amp;Questions&#xa0;:</translation>
    </message>
    <message>
        <source>2. The scanned copies</source>
        <translation>2. Les copies numérisées</translation>
    </message>
    <message>
        <source>Scanned copies</source>
        <translation>Copies numérisées</translation>
    </message>
    <message>
        <source>Add &amp;PDFs…</source>
        <translation>Ajouter des &amp;PDF…</translation>
    </message>
    <message>
        <source>Pass&amp;word…</source>
        <translation>&amp;Mot de passe…</translation>
    </message>
    <message>
        <source>Enter the password of a protected PDF</source>
        <translation>Saisir le mot de passe d&apos;un PDF protégé</translation>
    </message>
    <message>
        <source>One PDF per copy</source>
        <translation>Un PDF par copie</translation>
    </message>
    <message>
        <source>One scan of the whole class, cut every</source>
        <translation>Une numérisation de toute la classe, découpée toutes les</translation>
    </message>
    <message>
        <source> pages</source>
        <translation> pages</translation>
    </message>
    <message>
        <source>optional: a CSV with a name column, one student per copy, in order</source>
        <translation>facultatif&#xa0;: un CSV avec une colonne nom, un élève par copie, dans l&apos;ordre</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>C&amp;hoisir…</translation>
    </message>
    <message>
        <source>No roster</source>
        <translation>Pas de liste d&apos;élèves</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Copies&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Roster:</source>
        <translation>&amp;Liste des élèves&#xa0;:</translation>
    </message>
    <message>
        <source>3. The copies Corrige will create</source>
        <translation>3. Les copies que Corrige va créer</translation>
    </message>
    <message>
        <source>The copies Corrige will add</source>
        <translation>Les copies que Corrige va ajouter</translation>
    </message>
    <message>
        <source>Load the exam</source>
        <translation>Charger l&apos;examen</translation>
    </message>
    <message>
        <source>Exam files (*.json);;All files (*)</source>
        <translation>Fichiers d&apos;examen (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2. Check that the file exists and that you may read it.</source>
        <translation>Impossible de lire %1&#xa0;: %2. Vérifiez que le fichier existe et que vous avez le droit de le lire.</translation>
    </message>
    <message>
        <source>Question %1</source>
        <translation>Question %1</translation>
    </message>
    <message>
        <source>Give the exam a title.</source>
        <translation>Donnez un titre à l&apos;examen.</translation>
    </message>
    <message>
        <source>Type the language of the copies (a code such as de, es or it).</source>
        <translation>Saisissez la langue des copies (un code comme de, es ou it).</translation>
    </message>
    <message>
        <source>Add the exam&apos;s questions, or load its JSON file.</source>
        <translation>Ajoutez les questions de l&apos;examen, ou chargez son fichier JSON.</translation>
    </message>
    <message>
        <source>Question %1 has no id: give it a short one such as q%1.</source>
        <translation>La question %1 n&apos;a pas d&apos;identifiant&#xa0;: donnez-lui un identifiant court comme q%1.</translation>
    </message>
    <message>
        <source>Two questions have the id “%1”: each question needs its own.</source>
        <translation>Deux questions ont l&apos;identifiant «&#xa0;%1&#xa0;»&#xa0;: chaque question doit avoir le sien.</translation>
    </message>
    <message>
        <source>Question %1 is worth 0 points: set its maximum.</source>
        <translation>La question %1 vaut 0 point&#xa0;: indiquez son maximum.</translation>
    </message>
    <message>
        <source>Add scanned copies</source>
        <translation>Ajouter des copies numérisées</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Fichiers PDF (*.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Password-protected PDF</source>
        <translation>PDF protégé par mot de passe</translation>
    </message>
    <message>
        <source>Password of the protected PDFs:</source>
        <translation>Mot de passe des PDF protégés&#xa0;:</translation>
    </message>
    <message>
        <source>%1 is protected by a password. Enter it to import the scans; Corrige stores an unprotected copy inside the session.</source>
        <translation>%1 est protégé par un mot de passe. Saisissez-le pour importer les numérisations&#xa0;; Corrige enregistre une version non protégée dans la session.</translation>
    </message>
    <message>
        <source>That password does not open %1. Try again:</source>
        <translation>Ce mot de passe n&apos;ouvre pas %1. Réessayez&#xa0;:</translation>
    </message>
    <message>
        <source>Choose the class roster</source>
        <translation>Choisir la liste des élèves</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read the roster %1: %2. Check the file, or remove the roster.</source>
        <translation>Impossible de lire la liste des élèves %1&#xa0;: %2. Vérifiez le fichier, ou retirez la liste.</translation>
    </message>
    <message>
        <source>Add the scanned copies: one or more PDF files.</source>
        <translation>Ajoutez les copies numérisées&#xa0;: un ou plusieurs fichiers PDF.</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(pas encore de nom)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1&#xa0;: %2, %3</translation>
    </message>
    <message>
        <source>Add the scans to see the copies here, with the first page of each.</source>
        <translation>Ajoutez les numérisations pour voir ici les copies, avec la première page de chacune.</translation>
    </message>
    <message>
        <source>Checking the files…</source>
        <translation>Vérification des fichiers…</translation>
    </message>
    <message>
        <source>Fix the problems below to see the copies.</source>
        <translation>Corrigez les problèmes ci-dessous pour voir les copies.</translation>
    </message>
    <message>
        <source>%1 — checking…</source>
        <translation>%1 — vérification…</translation>
    </message>
    <message>
        <source>needs its password</source>
        <translation>mot de passe requis</translation>
    </message>
    <message>
        <source>wrong password</source>
        <translation>mot de passe incorrect</translation>
    </message>
    <message>
        <source>cannot be used</source>
        <translation>inutilisable</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Ready: Create asks where to save the session, then imports the scans.</source>
        <translation>Prêt&#xa0;: Créer demande où enregistrer la session, puis importe les numérisations.</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>Prêt à importer.</translation>
    </message>
    <message>
        <source>Save the new session</source>
        <translation>Enregistrer la nouvelle session</translation>
    </message>
    <message>
        <source>Corrige sessions (*.corrige)</source>
        <translation>Sessions Corrige (*.corrige)</translation>
    </message>
    <message>
        <source>%1 already exists. Corrige never replaces a session: choose another name.</source>
        <translation>%1 existe déjà. Corrige ne remplace jamais une session&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The session was closed. Open it again to import scans.</source>
        <translation>La session a été fermée. Rouvrez-la pour importer des numérisations.</translation>
    </message>
    <message>
        <source>Writing the session…</source>
        <translation>Écriture de la session…</translation>
    </message>
    <message>
        <source>Importing the scans…</source>
        <translation>Import des numérisations…</translation>
    </message>
    <message>
        <source>Checking and storing the scans (%1 of %2)…</source>
        <translation>Vérification et enregistrement des numérisations (%1 sur %2)…</translation>
    </message>
    <message>
        <source>No session is open. Open one, then import.</source>
        <translation>Aucune session n&apos;est ouverte. Ouvrez-en une, puis importez.</translation>
    </message>
    <message>
        <source>The roster %1 has %2 names but the scans make %3 copies. Make the roster list one student per copy, in scan order, or change how the scans are cut into copies.</source>
        <translation>La liste des élèves %1 compte %2 noms mais les numérisations donnent %3 copies. Faites en sorte que la liste ait un élève par copie, dans l&apos;ordre de numérisation, ou changez le découpage des numérisations en copies.</translation>
    </message>
    <message>
        <source>Copies: %1 · pages: %2. Check that each copy starts on its first page.</source>
        <translation>Copies&#xa0;: %1 · pages&#xa0;: %2. Vérifiez que chaque copie commence bien à sa première page.</translation>
    </message>
    <message>
        <source>%1 — pages: %2</source>
        <translation>%1 — pages&#xa0;: %2</translation>
    </message>
    <message>
        <source>Maximum total: %1</source>
        <translation>Total maximum&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 has %2 pages, which cannot be cut into copies of %3 pages. Set the pages per copy to a number that fits (%4), or scan the missing pages again.</source>
        <translation>%1 a %2 pages, qu&apos;on ne peut pas découper en copies de %3 pages. Choisissez un nombre de pages par copie qui convient (%4), ou numérisez de nouveau les pages manquantes.</translation>
    </message>
    <message>
        <source>The scans cannot be cut into copies of %1 pages.</source>
        <translation>Les numérisations ne peuvent pas être découpées en copies de %1 pages.</translation>
    </message>
    <message>
        <source>&amp;Draft from the blank exam…</source>
        <translation>&amp;Rédiger d&apos;après le sujet vierge…</translation>
    </message>
    <message>
        <source>Model A reads the blank exam&apos;s PDF and lists its questions, for you to check and complete</source>
        <translation>Le modèle A lit le PDF du sujet vierge et en dresse la liste des questions, que vous vérifiez et complétez</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Draft the questions from the blank exam</source>
        <translation>Rédiger les questions d&apos;après le sujet vierge</translation>
    </message>
    <message>
        <source>No model is set up to draft the exam. Choose model A in Settings.</source>
        <translation>Aucun modèle n&apos;est configuré pour rédiger l&apos;examen. Choisissez le modèle A dans les Paramètres.</translation>
    </message>
    <message>
        <source>Reading the key of model A…</source>
        <translation>Lecture de la clé du modèle A…</translation>
    </message>
    <message>
        <source>Reading the pages of %1…</source>
        <translation>Lecture des pages de %1…</translation>
    </message>
    <message numerus="yes">
        <source>Model A is reading %n page(s) of the blank exam…</source>
        <translation>
            <numerusform>Le modèle A lit %n page du sujet vierge…</numerusform>
            <numerusform>Le modèle A lit %n pages du sujet vierge…</numerusform>
        </translation>
    </message>
    <message>
        <source>The exam could not be drafted: %1</source>
        <translation>L&apos;examen n&apos;a pas pu être rédigé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Replace the questions?</source>
        <translation>Remplacer les questions&#xa0;?</translation>
    </message>
    <message numerus="yes">
        <source>The model found %n question(s) in the blank exam. Replace the questions already in the table with them?</source>
        <translation>
            <numerusform>Le modèle a trouvé %n question dans le sujet vierge. Remplacer par celle-ci les questions déjà présentes dans le tableau&#xa0;?</numerusform>
            <numerusform>Le modèle a trouvé %n questions dans le sujet vierge. Remplacer par celles-ci les questions déjà présentes dans le tableau&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>The draft was set aside; your questions are unchanged.</source>
        <translation>La proposition a été écartée&#xa0;; vos questions sont inchangées.</translation>
    </message>
    <message numerus="yes">
        <source>Drafted %n question(s) from the blank exam: check each one against the paper.</source>
        <translation>
            <numerusform>%n question rédigée d&apos;après le sujet vierge&#xa0;: comparez-la au sujet papier.</numerusform>
            <numerusform>%n questions rédigées d&apos;après le sujet vierge&#xa0;: comparez chacune au sujet papier.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only its first %1 of %2 pages were read; add the questions of the others.</source>
        <translation>Seules ses %1 premières pages sur %2 ont été lues&#xa0;; ajoutez les questions des autres pages.</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) have no points printed: set their maximum.</source>
        <translation>
            <numerusform>%n question n&apos;a pas de points indiqués&#xa0;: fixez son maximum.</numerusform>
            <numerusform>%n questions n&apos;ont pas de points indiqués&#xa0;: fixez leur maximum.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scans already imported</source>
        <translation>Numérisations déjà importées</translation>
    </message>
    <message>
        <source>%1 is already in this session. Importing it again adds its copies a second time.

Import it again anyway?</source>
        <translation>%1 est déjà dans cette session. L&apos;importer à nouveau ajoute ses copies une seconde fois.

L&apos;importer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>%1 is already in this session. Remove it from the list to import the others.</source>
        <translation>%1 est déjà dans cette session. Retirez-le de la liste pour importer les autres.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::ProgressDialog</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>Grading</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>%v of %m copies</source>
        <extracomment>Inside the progress bar: copies done of all copies.</extracomment>
        <translation>%v copies sur %m</translation>
    </message>
    <message>
        <source>Estimated from the prices in Settings; your provider&apos;s bill is what counts.</source>
        <translation>Estimation d&apos;après les prix des Paramètres&#xa0;; seule la facture de votre fournisseur fait foi.</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Écoulé&#xa0;:</translation>
    </message>
    <message>
        <source>Time left:</source>
        <translation>Temps restant&#xa0;:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Jetons&#xa0;:</translation>
    </message>
    <message>
        <source>Cost so far:</source>
        <translation>Coût jusqu&apos;ici&#xa0;:</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Bilan</translation>
    </message>
    <message>
        <source>Graded:</source>
        <translation>Notées&#xa0;:</translation>
    </message>
    <message>
        <source>To review:</source>
        <translation>À revoir&#xa0;:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>En échec&#xa0;:</translation>
    </message>
    <message>
        <source>Not graded:</source>
        <translation>Non notées&#xa0;:</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Grading goes on in the background; the main window can show this window again.</source>
        <translation>La correction continue en arrière-plan&#xa0;; la fenêtre principale permet de rouvrir cette fenêtre.</translation>
    </message>
    <message>
        <source>Stop grading…</source>
        <translation>Arrêter la correction…</translation>
    </message>
    <message>
        <source>Copies already graded are kept; the others stay to be graded later.</source>
        <translation>Les copies déjà notées sont conservées&#xa0;; les autres restent à corriger plus tard.</translation>
    </message>
    <message>
        <source>Review first flagged copy</source>
        <translation>Revoir la première copie signalée</translation>
    </message>
    <message>
        <source>Grading — %1</source>
        <translation>Correction — %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A failed copy in the list: &quot;Copy 3: the model&apos;s answer was cut off&quot;.</extracomment>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <source>Stop grading?</source>
        <translation>Arrêter la correction&#xa0;?</translation>
    </message>
    <message>
        <source>Stop grading? Copies already graded are kept.</source>
        <translation>Arrêter la correction&#xa0;? Les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Copy #%1</source>
        <translation>Copie n° %1</translation>
    </message>
    <message>
        <source>Preparing the copies…</source>
        <translation>Préparation des copies…</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 et %2 autres</translation>
    </message>
    <message>
        <source>Now grading: %1</source>
        <translation>En cours de correction&#xa0;: %1</translation>
    </message>
    <message>
        <source>stopping…</source>
        <translation>arrêt en cours…</translation>
    </message>
    <message>
        <source>almost done</source>
        <translation>presque terminé</translation>
    </message>
    <message>
        <source>estimating…</source>
        <translation>estimation…</translation>
    </message>
    <message>
        <source>Stopping… Copies already graded are kept.</source>
        <translation>Arrêt en cours… Les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Grading stopped because of an error</source>
        <translation>Correction arrêtée à cause d&apos;une erreur</translation>
    </message>
    <message>
        <source>Grading stopped. Copies already graded are kept.</source>
        <translation>Correction arrêtée. Les copies déjà notées sont conservées.</translation>
    </message>
    <message>
        <source>Grading finished, with failures</source>
        <translation>Correction terminée, avec des échecs</translation>
    </message>
    <message>
        <source>Grading finished</source>
        <translation>Correction terminée</translation>
    </message>
    <message>
        <source>Getting ready to grade…</source>
        <translation>Préparation de la correction…</translation>
    </message>
    <message>
        <source>No copies to grade</source>
        <translation>Aucune copie à corriger</translation>
    </message>
    <message>
        <source>%1 sent · %2 received</source>
        <translation>%1 envoyés · %2 reçus</translation>
    </message>
    <message>
        <source>no price set</source>
        <translation>aucun prix défini</translation>
    </message>
    <message>
        <source>Set the price of the model in Settings › Prices to see an estimate.</source>
        <translation>Indiquez le prix du modèle dans Paramètres › Prix pour voir une estimation.</translation>
    </message>
    <message>
        <source>Failed copies: %1</source>
        <translation>Copies en échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>Failed copies: none</source>
        <translation>Copies en échec&#xa0;: aucune</translation>
    </message>
    <message>
        <source>%1 (the models disagreed or were unsure)</source>
        <translation>%1 (les modèles ont divergé ou avaient un doute)</translation>
    </message>
    <message>
        <source>%1 (Grade all again retries them)</source>
        <translation>%1 (relancer Tout corriger les réessaie)</translation>
    </message>
    <message>
        <source>%1 (Grade all again grades them)</source>
        <translation>%1 (relancer Tout corriger les corrige)</translation>
    </message>
    <message>
        <source>Agreement between the two models, over %1 questions: same score %2 %, within tolerance %3 %, mean difference %4 points.</source>
        <translation>Accord entre les deux modèles, sur %1 questions&#xa0;: même note %2&#xa0;%, dans la tolérance %3&#xa0;%, écart moyen de %4 pt.</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>moins d&apos;une minute</translation>
    </message>
    <message>
        <source>about %1 min</source>
        <translation>environ %1 min</translation>
    </message>
    <message>
        <source>about %1 h %2 min</source>
        <translation>environ %1 h %2 min</translation>
    </message>
    <message>
        <source>Grading…</source>
        <translation>Correction en cours…</translation>
    </message>
    <message>
        <source>Grading “%1”…</source>
        <translation>Correction de «&#xa0;%1&#xa0;»…</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Coût&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::QuestionGradeCard</name>
    <message>
        <source>Confidence: %1%</source>
        <translation>Confiance&#xa0;: %1&#xa0;%</translation>
    </message>
    <message>
        <source>%1: %2 / %3</source>
        <translation>%1&#xa0;: %2 / %3</translation>
    </message>
    <message>
        <source>(nothing)</source>
        <translation>(rien)</translation>
    </message>
    <message>
        <source>Score for %1</source>
        <translation>Note pour %1</translation>
    </message>
    <message>
        <source>Type your score and press Enter. Leave it empty and press Enter to go back to the model&apos;s score.</source>
        <translation>Tapez votre note et appuyez sur Entrée. Laissez le champ vide et appuyez sur Entrée pour revenir à la note du modèle.</translation>
    </message>
    <message>
        <source>/ %1</source>
        <translation>/ %1</translation>
    </message>
    <message>
        <source>Teacher</source>
        <translation>Enseignant</translation>
    </message>
    <message>
        <source>You set this score. Later grading runs never change it.</source>
        <translation>Vous avez fixé cette note. Les corrections suivantes ne la modifient jamais.</translation>
    </message>
    <message>
        <source>Use AI score</source>
        <translation>Reprendre la note de l&apos;IA</translation>
    </message>
    <message>
        <source>Remove your score and use the model&apos;s again</source>
        <translation>Retirer votre note et reprendre celle du modèle</translation>
    </message>
    <message>
        <source>Justification and transcription</source>
        <translation>Justification et transcription</translation>
    </message>
    <message>
        <source>Justification</source>
        <translation>Justification</translation>
    </message>
    <message>
        <source>What the model read</source>
        <translation>Ce que le modèle a lu</translation>
    </message>
    <message>
        <source>Not graded yet</source>
        <translation>Pas encore notée</translation>
    </message>
    <message>
        <source>Take A: %1</source>
        <translation>Prendre A&#xa0;: %1</translation>
    </message>
    <message>
        <source>Use model A&apos;s score (%1)</source>
        <translation>Prendre la note du modèle A (%1)</translation>
    </message>
    <message>
        <source>Take B: %1</source>
        <translation>Prendre B&#xa0;: %1</translation>
    </message>
    <message>
        <source>Use model B&apos;s score (%1)</source>
        <translation>Prendre la note du modèle B (%1)</translation>
    </message>
    <message>
        <source>Mean: %1</source>
        <translation>Moyenne&#xa0;: %1</translation>
    </message>
    <message>
        <source>The mean of both, rounded to steps of %1</source>
        <translation>La moyenne des deux, arrondie par paliers de %1</translation>
    </message>
    <message>
        <source>Difference: %1</source>
        <translation>Écart&#xa0;: %1</translation>
    </message>
    <message>
        <source>Model A</source>
        <translation>Modèle A</translation>
    </message>
    <message>
        <source>Model B</source>
        <translation>Modèle B</translation>
    </message>
    <message>
        <source>Not graded yet.</source>
        <translation>Pas encore notée.</translation>
    </message>
    <message>
        <source>Comment for the student (shown in the PDF and in Moodle&apos;s feedback)</source>
        <translation>Commentaire pour l&apos;élève (affiché dans le PDF et le feedback Moodle)</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::RubricDialog</name>
    <message>
        <source>Review the rubric before grading</source>
        <translation>Relire le barème avant la correction</translation>
    </message>
    <message>
        <source>Rubric</source>
        <translation>Barème</translation>
    </message>
    <message>
        <source>The same rubric is used for every copy. Changes apply to the next grading run.</source>
        <translation>Le même barème s&apos;applique à toutes les copies. Les modifications valent pour la prochaine correction.</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Draft missing rubrics with AI</source>
        <translation>Rédiger les barèmes manquants avec l&apos;IA</translation>
    </message>
    <message>
        <source>Ask the model to draft a rubric for every question that has none. You review the drafts before grading.</source>
        <translation>Demander au modèle de proposer un barème pour chaque question qui n&apos;en a pas. Vous relisez les propositions avant la correction.</translation>
    </message>
    <message>
        <source>Scores in steps of</source>
        <translation>Notes par paliers de</translation>
    </message>
    <message>
        <source>Grades for this question are rounded to a multiple of this step.</source>
        <translation>Les notes de cette question sont arrondies à un multiple de ce palier.</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Critères</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add a criterion below the selected one</source>
        <translation>Ajouter un critère sous celui qui est sélectionné</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Undo (%1)</source>
        <translation>Annuler (%1)</translation>
    </message>
    <message>
        <source>Redo (%1)</source>
        <translation>Rétablir (%1)</translation>
    </message>
    <message>
        <source>Draft with AI</source>
        <translation>Proposer avec l&apos;IA</translation>
    </message>
    <message>
        <source>Ask the model to draft the criteria of this question. The draft replaces the current criteria; you can undo it.</source>
        <translation>Demander au modèle de proposer les critères de cette question. La proposition remplace les critères actuels&#xa0;; vous pouvez l&apos;annuler.</translation>
    </message>
    <message>
        <source>Guidelines for the model</source>
        <translation>Consignes pour le modèle</translation>
    </message>
    <message>
        <source>What to accept, common mistakes, how to give partial credit…</source>
        <translation>Ce qu&apos;il faut accepter, les erreurs fréquentes, comment attribuer des points partiels…</translation>
    </message>
    <message>
        <source>Cancel draft</source>
        <translation>Annuler la proposition</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>(No question text in the exam file.)</source>
        <translation>(Pas d&apos;énoncé dans le fichier d&apos;examen.)</translation>
    </message>
    <message>
        <source>Drafted by AI</source>
        <translation>Proposé par l&apos;IA</translation>
    </message>
    <message>
        <source>Edited by you</source>
        <translation>Modifié par vous</translation>
    </message>
    <message>
        <source>From the exam file</source>
        <translation>Issu du fichier d&apos;examen</translation>
    </message>
    <message>
        <source>Drafting…</source>
        <translation>Rédaction en cours…</translation>
    </message>
    <message>
        <source>No rubric</source>
        <translation>Pas de barème</translation>
    </message>
    <message>
        <source>AI draft, not reviewed</source>
        <translation>Proposition de l&apos;IA, non relue</translation>
    </message>
    <message>
        <source>Sums to %1 of %2</source>
        <translation>Total&#xa0;: %1 sur %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>question label, then its rubric status on a second line</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>The model is drafting the criteria of this question…</source>
        <translation>Le modèle rédige les critères de cette question…</translation>
    </message>
    <message>
        <source>No criteria yet: add some, or draft them with AI.</source>
        <translation>Pas encore de critères&#xa0;: ajoutez-en, ou faites-les proposer par l&apos;IA.</translation>
    </message>
    <message>
        <source>Drafting the rubric of %1…</source>
        <translation>Rédaction du barème de %1…</translation>
    </message>
    <message>
        <source>Drafting rubrics: %1 of %2 done…</source>
        <translation>Rédaction des barèmes&#xa0;: %1 sur %2 terminés…</translation>
    </message>
    <message>
        <source>Add a criterion to %1</source>
        <translation>Ajouter un critère à %1</translation>
    </message>
    <message>
        <source>Remove a criterion from %1</source>
        <translation>Supprimer un critère de %1</translation>
    </message>
    <message>
        <source>Move a criterion of %1</source>
        <translation>Déplacer un critère de %1</translation>
    </message>
    <message>
        <source>Edit a criterion of %1</source>
        <translation>Modifier un critère de %1</translation>
    </message>
    <message>
        <source>Draft the rubric of %1</source>
        <translation>Proposer le barème de %1</translation>
    </message>
    <message>
        <source>Could not draft the rubric of %1: %2</source>
        <translation>Impossible de proposer le barème de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1: no rubric; the model will grade from the question alone.</source>
        <translation>%1&#xa0;: pas de barème&#xa0;; le modèle notera d&apos;après le seul énoncé.</translation>
    </message>
    <message>
        <source>%1: drafted by AI, not reviewed yet.</source>
        <translation>%1&#xa0;: proposé par l&apos;IA, pas encore relu.</translation>
    </message>
    <message>
        <source>%1: a criterion has no description.</source>
        <translation>%1&#xa0;: un critère n&apos;a pas de description.</translation>
    </message>
    <message>
        <source>Some rubrics need attention:

%1

%2</source>
        <translation>Certains barèmes demandent votre attention&#xa0;:

%1

%2</translation>
    </message>
    <message>
        <source>Save anyway?</source>
        <translation>Enregistrer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Save the rubric?</source>
        <translation>Enregistrer le barème&#xa0;?</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications&#xa0;?</translation>
    </message>
    <message>
        <source>Discard your changes to the rubric?</source>
        <translation>Abandonner vos modifications du barème&#xa0;?</translation>
    </message>
    <message>
        <source>%1 point</source>
        <translation>%1 point</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 points</translation>
    </message>
    <message>
        <source>Check the rubric of each question, then continue to the choice of models. The same rubric is used for every copy.</source>
        <translation>Vérifiez le barème de chaque question, puis passez au choix des modèles. Le même barème s&apos;applique à toutes les copies.</translation>
    </message>
    <message>
        <source>Continue…</source>
        <translation>Continuer…</translation>
    </message>
    <message>
        <source>Maximum: %1</source>
        <translation>Maximum&#xa0;: %1</translation>
    </message>
    <message>
        <source>OK, %1</source>
        <translation>OK, %1</translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2.</source>
        <translation>Total des critères&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2: more than the maximum.</source>
        <translation>Total des critères&#xa0;: %1 sur %2, plus que le maximum.</translation>
    </message>
    <message>
        <source>Criteria add up to %1 of %2: some points cannot be earned.</source>
        <translation>Total des critères&#xa0;: %1 sur %2&#xa0;; certains points ne peuvent pas être obtenus.</translation>
    </message>
    <message>
        <source>%1: criteria add up to %2 of %3.</source>
        <translation>%1&#xa0;: total des critères %2 sur %3.</translation>
    </message>
    <message>
        <source>Continue anyway?</source>
        <translation>Continuer quand même&#xa0;?</translation>
    </message>
    <message>
        <source>Continue to grading?</source>
        <translation>Passer à la correction&#xa0;?</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::RubricDrafter</name>
    <message>
        <source>The exam has no question “%1”.</source>
        <translation>L&apos;examen n&apos;a pas de question «&#xa0;%1&#xa0;».</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::SettingsDialog</name>
    <message>
        <source>Google Gemini</source>
        <translation>Google Gemini</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>OpenAI-compatible server (Ollama, vLLM, llama.cpp)</source>
        <translation>Serveur compatible OpenAI (Ollama, vLLM, llama.cpp)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>&amp;Modèles</translation>
    </message>
    <message>
        <source>&amp;Keys</source>
        <translation>&amp;Clés</translation>
    </message>
    <message>
        <source>&amp;Grading</source>
        <translation>C&amp;orrection</translation>
    </message>
    <message>
        <source>&amp;Prices</source>
        <translation>&amp;Prix</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>One model</source>
        <translation>Un modèle</translation>
    </message>
    <message>
        <source>Two models, compared (dual mode)</source>
        <translation>Deux modèles comparés (double correction)</translation>
    </message>
    <message>
        <source>In dual mode two models grade each copy independently; questions where they disagree beyond the tolerance are left for you to decide.</source>
        <translation>En double correction, deux modèles corrigent chaque copie indépendamment&#xa0;; les questions sur lesquelles ils divergent au-delà de la tolérance vous sont laissées.</translation>
    </message>
    <message>
        <source>Gr&amp;ading mode:</source>
        <translation>Mode de correc&amp;tion&#xa0;:</translation>
    </message>
    <message>
        <source>Model A</source>
        <translation>Modèle A</translation>
    </message>
    <message>
        <source>Model B (dual mode only)</source>
        <translation>Modèle B (double correction uniquement)</translation>
    </message>
    <message>
        <source>The model&apos;s identifier as the provider spells it, for example gemini-2.5-flash or gpt-4.1-mini.</source>
        <translation>L&apos;identifiant du modèle tel que l&apos;écrit le fournisseur, par exemple gemini-2.5-flash ou gpt-4.1-mini.</translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s official address. Plain http:// is allowed only to this computer.</source>
        <translation>Laissez vide pour l&apos;adresse officielle du fournisseur. Le http:// simple n&apos;est autorisé que vers cet ordinateur.</translation>
    </message>
    <message>
        <source>Pro&amp;vider:</source>
        <translation>&amp;Fournisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Mod&amp;el:</source>
        <translation>Mo&amp;dèle&#xa0;:</translation>
    </message>
    <message>
        <source>Base &amp;URL:</source>
        <translation>&amp;URL de base&#xa0;:</translation>
    </message>
    <message>
        <source>P&amp;rovider:</source>
        <translation>Fou&amp;rnisseur&#xa0;:</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Modèl&amp;e&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL de &amp;base&#xa0;:</translation>
    </message>
    <message>
        <source>Keys are kept in the system keychain, never in the settings file. Leave a field empty to keep the current key.</source>
        <translation>Les clés sont conservées dans le trousseau du système, jamais dans le fichier de paramètres. Laissez un champ vide pour garder la clé actuelle.</translation>
    </message>
    <message>
        <source>No system keychain is available: a key entered here is kept in memory until Corrige closes, never in the settings file. To keep a key, set its environment variable. Leave a field empty to keep the current key.</source>
        <translation>Aucun trousseau du système n&apos;est disponible&#xa0;: une clé saisie ici est gardée en mémoire jusqu&apos;à la fermeture de Corrige, jamais dans le fichier de paramètres. Pour conserver une clé, définissez sa variable d&apos;environnement. Laissez un champ vide pour garder la clé actuelle.</translation>
    </message>
    <message>
        <source>Paste a new key to replace the current one</source>
        <translation>Collez une nouvelle clé pour remplacer l&apos;actuelle</translation>
    </message>
    <message>
        <source>API key for %1</source>
        <translation>Clé d&apos;API pour %1</translation>
    </message>
    <message>
        <source>Save in the system keychain</source>
        <translation>Enregistrer dans le trousseau du système</translation>
    </message>
    <message>
        <source>Unchecked, the key is used until Corrige closes and then forgotten.</source>
        <translation>Case décochée, la clé est utilisée jusqu&apos;à la fermeture de Corrige, puis oubliée.</translation>
    </message>
    <message>
        <source>Looking for the key…</source>
        <translation>Recherche de la clé…</translation>
    </message>
    <message>
        <source>Forget key</source>
        <translation>Oublier la clé</translation>
    </message>
    <message>
        <source>Delete the key of %1 from the keychain and from memory.</source>
        <translation>Supprimer la clé pour %1 du trousseau et de la mémoire.</translation>
    </message>
    <message>
        <source>Gem&amp;ini key:</source>
        <translation>Clé &amp;Gemini&#xa0;:</translation>
    </message>
    <message>
        <source>Op&amp;enAI key:</source>
        <translation>Clé Open&amp;AI&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Server key:</source>
        <translation>Clé du &amp;serveur&#xa0;:</translation>
    </message>
    <message>
        <source>At most this many requests are sent at once. Corrige slows down by itself when a provider limits the rate.</source>
        <translation>Nombre maximal de requêtes envoyées en même temps. Corrige ralentit de lui-même quand un fournisseur limite le débit.</translation>
    </message>
    <message>
        <source>&amp;Requests at the same time:</source>
        <translation>&amp;Requêtes simultanées&#xa0;:</translation>
    </message>
    <message>
        <source>How many times a copy is sent before it is marked as failed, the first attempt included. Failed copies can be graded again later.</source>
        <translation>Nombre d&apos;envois d&apos;une copie avant qu&apos;elle soit marquée en échec, première tentative comprise. Les copies en échec peuvent être corrigées de nouveau plus tard.</translation>
    </message>
    <message>
        <source>&amp;Attempts per copy:</source>
        <translation>&amp;Tentatives par copie&#xa0;:</translation>
    </message>
    <message>
        <source> s</source>
        <extracomment>Suffix of a number of seconds</extracomment>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Time allowed per request:</source>
        <translation>&amp;Durée maximale par requête&#xa0;:</translation>
    </message>
    <message>
        <source> pt</source>
        <extracomment>Suffix of a number of points in a grade</extracomment>
        <translation> pt</translation>
    </message>
    <message>
        <source>Dual mode tolerance, poi&amp;nts:</source>
        <translation>Tolérance en double correction, poi&amp;nts&#xa0;:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Dual mode tolerance, % of the &amp;question:</source>
        <translation>Tolérance en double correction, % de la &amp;question&#xa0;:</translation>
    </message>
    <message>
        <source>Two grades agree when they differ by at most the larger of the two tolerances; otherwise the question is left for you to decide.</source>
        <translation>Deux notes concordent quand leur écart ne dépasse pas la plus grande des deux tolérances&#xa0;; sinon, la question vous est laissée.</translation>
    </message>
    <message>
        <source>&amp;Hide student names from the models in new sessions</source>
        <translation>Cac&amp;her le nom des élèves aux modèles dans les nouvelles sessions</translation>
    </message>
    <message>
        <source>A mask hides the name area of each first page, and copies are sent under a pseudonym.</source>
        <translation>Un masque cache la zone du nom sur chaque première page, et les copies sont envoyées sous un pseudonyme.</translation>
    </message>
    <message>
        <source>Prices in US dollars per million tokens, for the cost shown during grading. They replace Corrige&apos;s built-in prices for these models.</source>
        <translation>Prix en dollars US par million de jetons, pour le coût affiché pendant la correction. Ils remplacent les prix intégrés à Corrige pour ces modèles.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Input ($ / M tokens)</source>
        <translation>Entrée ($ / M jetons)</translation>
    </message>
    <message>
        <source>Output ($ / M tokens)</source>
        <translation>Sortie ($ / M jetons)</translation>
    </message>
    <message>
        <source>Price per model</source>
        <translation>Prix par modèle</translation>
    </message>
    <message>
        <source>A&amp;dd model</source>
        <translation>A&amp;jouter un modèle</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>&amp;Interface language:</source>
        <translation>Langue de l&apos;&amp;interface&#xa0;:</translation>
    </message>
    <message>
        <source>The new language is used the next time Corrige starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage de Corrige.</translation>
    </message>
    <message>
        <source>Keys cannot be changed here.</source>
        <translation>Les clés ne peuvent pas être modifiées ici.</translation>
    </message>
    <message>
        <source>for example %1</source>
        <translation>par exemple %1</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>par défaut&#xa0;: %1</translation>
    </message>
    <message>
        <source>model A</source>
        <translation>modèle A</translation>
    </message>
    <message>
        <source>model B</source>
        <translation>modèle B</translation>
    </message>
    <message>
        <source>Enter the name of the model the server serves for %1, for example %2.</source>
        <translation>Indiquez le nom du modèle que le serveur fournit pour le %1, par exemple %2.</translation>
    </message>
    <message>
        <source>An OpenAI-compatible server needs its address for %1, for example %2 for Ollama.</source>
        <translation>Un serveur compatible OpenAI a besoin de son adresse pour le %1, par exemple %2 pour Ollama.</translation>
    </message>
    <message>
        <source>The base URL of %1, “%2”, is not a web address. Write it like https://example.com/v1, or leave it empty for the provider&apos;s default.</source>
        <translation>L&apos;URL de base du %1, «&#xa0;%2&#xa0;», n&apos;est pas une adresse web. Écrivez-la comme https://example.com/v1, ou laissez-la vide pour l&apos;adresse par défaut du fournisseur.</translation>
    </message>
    <message>
        <source>The base URL of %1 uses plain http:// to another computer, which would send your key unencrypted. Use https://, or http:// only to localhost.</source>
        <translation>L&apos;URL de base du %1 utilise le http:// simple vers un autre ordinateur, ce qui enverrait votre clé en clair. Utilisez https://, ou http:// seulement vers localhost.</translation>
    </message>
    <message>
        <source>The model “%1” appears twice in the price table. Keep one row.</source>
        <translation>Le modèle «&#xa0;%1&#xa0;» apparaît deux fois dans le tableau des prix. Gardez une seule ligne.</translation>
    </message>
    <message>
        <source>The settings could not be written to %1. Check that the folder exists and that you may write to it.</source>
        <translation>Les paramètres n&apos;ont pas pu être écrits dans %1. Vérifiez que le dossier existe et que vous avez le droit d&apos;y écrire.</translation>
    </message>
    <message>
        <source>Forgetting the key…</source>
        <translation>Suppression de la clé…</translation>
    </message>
    <message>
        <source>Saving the keys…</source>
        <translation>Enregistrement des clés…</translation>
    </message>
    <message>
        <source>The other settings are saved. A key needs your attention: see the message under it, then press OK again or Cancel.</source>
        <translation>Les autres paramètres sont enregistrés. Une clé demande votre attention&#xa0;: lisez le message en dessous, puis appuyez de nouveau sur OK ou sur Annuler.</translation>
    </message>
    <message>
        <source>The current key could not be read.</source>
        <translation>La clé actuelle n&apos;a pas pu être lue.</translation>
    </message>
</context>
<context>
    <name>Corrige::Ui::StartPage</name>
    <message>
        <source>Corrige</source>
        <translation>Corrige</translation>
    </message>
    <message>
        <source>Grade a class&apos;s scanned handwritten copies with AI models, then review and correct every grade yourself.</source>
        <translation>Corrigez les copies manuscrites numérisées d&apos;une classe avec des modèles d&apos;IA, puis relisez et ajustez vous-même chaque note.</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>&amp;Nouvelle session…</translation>
    </message>
    <message>
        <source>Start from the exam&apos;s questions and the scanned copies (PDF)</source>
        <translation>Partir des questions de l&apos;examen et des copies numérisées (PDF)</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>&amp;Ouvrir une session…</translation>
    </message>
    <message>
        <source>Open a .corrige session file</source>
        <translation>Ouvrir un fichier de session .corrige</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Ouvrir la dé&amp;mo</translation>
    </message>
    <message>
        <source>Five real scanned copies of a short exam, to try Corrige</source>
        <translation>Cinq vraies copies numérisées d&apos;un court examen, pour essayer Corrige</translation>
    </message>
    <message>
        <source>Recent sessions</source>
        <translation>Sessions récentes</translation>
    </message>
    <message>
        <source>No recent sessions yet. Sessions you open or create appear here.</source>
        <translation>Pas encore de session récente. Les sessions que vous ouvrez ou créez apparaissent ici.</translation>
    </message>
    <message>
        <source>You can also drop a .corrige session, or the scanned PDFs of a new exam, anywhere on this window.</source>
        <translation>Vous pouvez aussi déposer une session .corrige, ou les PDF numérisés d&apos;un nouvel examen, n&apos;importe où sur cette fenêtre.</translation>
    </message>
    <message>
        <source>%1    (in %2)</source>
        <translation>%1    (dans %2)</translation>
    </message>
</context>
<context>
    <name>GeminiProvider</name>
    <message>
        <source>the body is not a JSON object</source>
        <translation>le corps n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the reply holds no answer</source>
        <translation>la réponse ne contient aucun résultat</translation>
    </message>
    <message>
        <source>the reply holds no text</source>
        <translation>la réponse ne contient aucun texte</translation>
    </message>
</context>
<context>
    <name>JsonReplyCheck</name>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>le résultat n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the answer does not follow the requested format: %1</source>
        <translation>le résultat ne suit pas le format demandé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>LlmErrors</name>
    <message>
        <source>The server said: “%1”</source>
        <extracomment>%1 is the error message of the model&apos;s server, usually in English</extracomment>
        <translation>Le serveur a répondu&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>%1 received no API key (HTTP %2). Enter the key in the provider settings or set the %3 environment variable.</source>
        <translation>%1 n&apos;a reçu aucune clé d&apos;API (HTTP %2). Saisissez la clé dans les paramètres du fournisseur ou définissez la variable d&apos;environnement %3.</translation>
    </message>
    <message>
        <source>%1 refused the API key (HTTP %2). Check the key in the provider settings or in the %3 environment variable: it may be mistyped, revoked, or not allowed to use this model.</source>
        <translation>%1 a refusé la clé d&apos;API (HTTP %2). Vérifiez la clé dans les paramètres du fournisseur ou dans la variable d&apos;environnement %3&#xa0;: elle est peut-être mal saisie, révoquée, ou non autorisée pour ce modèle.</translation>
    </message>
    <message>
        <source>%1 says the account has used up its quota or credit (HTTP %2); retrying will not help. Check the plan and billing on the provider&apos;s website, then grade again: Corrige resumes where it stopped.</source>
        <translation>%1 indique que le compte a épuisé son quota ou son crédit (HTTP %2)&#xa0;; réessayer ne servira à rien. Vérifiez l&apos;abonnement et la facturation sur le site du fournisseur, puis relancez la correction&#xa0;: Corrige reprend là où il s&apos;est arrêté.</translation>
    </message>
    <message>
        <source>%1 is limiting the request rate (HTTP %2). Corrige waits and tries again by itself; if this keeps happening, lower the number of parallel requests.</source>
        <translation>%1 limite le débit des requêtes (HTTP %2). Corrige attend et réessaie de lui-même&#xa0;; si cela persiste, réduisez le nombre de requêtes simultanées.</translation>
    </message>
    <message>
        <source>%1 had a temporary problem (HTTP %2). Corrige tries again by itself; if it persists, grade again later.</source>
        <translation>%1 a rencontré un problème temporaire (HTTP %2). Corrige réessaie de lui-même&#xa0;; si cela persiste, relancez la correction plus tard.</translation>
    </message>
    <message>
        <source>%1 rejected the request (HTTP %2). Check the model and server address in the provider settings; a page image may also be unreadable for this model.</source>
        <translation>%1 a rejeté la requête (HTTP %2). Vérifiez le modèle et l&apos;adresse du serveur dans les paramètres du fournisseur&#xa0;; il se peut aussi qu&apos;une image de page soit illisible pour ce modèle.</translation>
    </message>
    <message>
        <source>%1 does not offer the requested model, or the server address is wrong (HTTP %2). Check the model name and server address in the provider settings.</source>
        <translation>%1 ne propose pas le modèle demandé, ou l&apos;adresse du serveur est erronée (HTTP %2). Vérifiez le nom du modèle et l&apos;adresse du serveur dans les paramètres du fournisseur.</translation>
    </message>
    <message>
        <source>%1 sent a reply Corrige could not use (%2). Corrige tries once more; if it keeps happening, choose another model.</source>
        <translation>%1 a envoyé une réponse que Corrige n&apos;a pas pu exploiter (%2). Corrige réessaie une fois&#xa0;; si cela se reproduit, choisissez un autre modèle.</translation>
    </message>
    <message>
        <source>%1 stopped before the end of its reply (%2): it reached the maximum output length. Raise the maximum output tokens in the provider settings.</source>
        <translation>%1 s&apos;est arrêté avant la fin de sa réponse (%2)&#xa0;: il a atteint la longueur de sortie maximale. Augmentez le nombre maximal de jetons de sortie dans les paramètres du fournisseur.</translation>
    </message>
    <message>
        <source>%1 blocked this request with its safety filter (%2). Grade this copy by hand, or try another provider.</source>
        <translation>%1 a bloqué cette requête avec son filtre de sécurité (%2). Corrigez cette copie à la main, ou essayez un autre fournisseur.</translation>
    </message>
    <message>
        <source>%1 declined to answer. Grade this copy by hand, or try another model.</source>
        <translation>%1 a refusé de répondre. Corrigez cette copie à la main, ou essayez un autre modèle.</translation>
    </message>
    <message numerus="yes">
        <source>%1 did not answer within %n second(s). Corrige tries again by itself; if it keeps happening, raise the timeout in the provider settings or check the connection.</source>
        <translation>
            <numerusform>%1 n&apos;a pas répondu en %n seconde. Corrige réessaie de lui-même&#xa0;; si cela se reproduit, augmentez le délai d&apos;attente dans les paramètres du fournisseur ou vérifiez la connexion.</numerusform>
            <numerusform>%1 n&apos;a pas répondu en %n secondes. Corrige réessaie de lui-même&#xa0;; si cela se reproduit, augmentez le délai d&apos;attente dans les paramètres du fournisseur ou vérifiez la connexion.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not talk to %1: %2. Check the internet connection and the server address in the provider settings.</source>
        <translation>Impossible de communiquer avec %1&#xa0;: %2. Vérifiez la connexion Internet et l&apos;adresse du serveur dans les paramètres du fournisseur.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>%1 answered with a redirection (HTTP %2), which Corrige does not follow so the key is never sent elsewhere. Check the server address in the provider settings.</source>
        <translation>%1 a répondu par une redirection (HTTP %2), que Corrige ne suit pas afin que la clé ne soit jamais envoyée ailleurs. Vérifiez l&apos;adresse du serveur dans les paramètres du fournisseur.</translation>
    </message>
</context>
<context>
    <name>OpenAiProvider</name>
    <message>
        <source>the body is not a JSON object</source>
        <translation>le corps n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the reply holds no answer</source>
        <translation>la réponse ne contient aucun résultat</translation>
    </message>
    <message>
        <source>the reply holds no text</source>
        <translation>la réponse ne contient aucun texte</translation>
    </message>
</context>
<context>
    <name>ProviderConfig</name>
    <message>
        <source>Gemini</source>
        <translation>Gemini</translation>
    </message>
    <message>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <source>the OpenAI-compatible server</source>
        <translation>le serveur compatible OpenAI</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; is not a valid URL. Write it like https://example.org/v1.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» n&apos;est pas une URL valide. Écrivez-la comme https://example.org/v1.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must start with https://.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» doit commencer par https://.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; uses plain http, which is only allowed for a server on this computer (127.0.0.1, ::1 or localhost). Use https:// instead.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» utilise le http simple, autorisé seulement pour un serveur sur cet ordinateur (127.0.0.1, ::1 ou localhost). Utilisez plutôt https://.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must not contain a user name or password. Enter the key in the key field instead.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» ne doit contenir ni nom d&apos;utilisateur ni mot de passe. Saisissez plutôt la clé dans le champ de la clé.</translation>
    </message>
    <message>
        <source>The server address &quot;%1&quot; must not contain &quot;?&quot; or &quot;#&quot;. Give only the scheme, host and path prefix.</source>
        <translation>L&apos;adresse du serveur «&#xa0;%1&#xa0;» ne doit contenir ni «&#xa0;?&#xa0;» ni «&#xa0;#&#xa0;». Indiquez seulement le schéma, l&apos;hôte et le préfixe du chemin.</translation>
    </message>
    <message>
        <source>No model is set for %1. Choose a model in the provider settings or pass --model.</source>
        <translation>Aucun modèle n&apos;est défini pour %1. Choisissez un modèle dans les paramètres du fournisseur ou passez --model.</translation>
    </message>
    <message>
        <source>No API key is set for %1. Enter it in the provider settings or set the %2 environment variable.</source>
        <translation>Aucune clé d&apos;API n&apos;est définie pour %1. Saisissez-la dans les paramètres du fournisseur ou définissez la variable d&apos;environnement %2.</translation>
    </message>
    <message>
        <source>The timeout and the maximum output length must be positive.</source>
        <translation>Le délai d&apos;attente et la longueur de sortie maximale doivent être positifs.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Grade scanned exam copies.</source>
        <translation>Correction de copies d&apos;examen numérisées.</translation>
    </message>
    <message>
        <source>Open the bundled demo session.</source>
        <translation>Ouvre la session de démonstration fournie.</translation>
    </message>
    <message>
        <source>A session file to open.</source>
        <translation>Un fichier de session à ouvrir.</translation>
    </message>
    <message>
        <source>Start a separate Corrige even if one is already running.</source>
        <translation>Lancer un Corrige distinct même si un autre est déjà ouvert.</translation>
    </message>
</context>
</TS>
