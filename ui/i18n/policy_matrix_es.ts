<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="+32"/>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Open the log folder</source>
        <translation>Abrir la carpeta del registro</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>none (its folder cannot be written)</source>
        <translation>ninguno (no se puede escribir en su carpeta)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version: %1</source>
        <translation>Versión: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File format (.pmx): version %1</source>
        <translation>Formato de archivo (.pmx): versión %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log file: %1</source>
        <translation>Archivo de registro: %1</translation>
    </message>
</context>
<context>
    <name>ActorTableModel</name>
    <message>
        <location filename="../models/actors.py" line="+127"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>ActorsPage</name>
    <message>
        <location filename="../pages/actors.py" line="+84"/>
        <location line="+110"/>
        <source>Power/interest grid</source>
        <translation>Cuadrícula interés–influencia</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Identification</source>
        <translation>Identificación</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Role and interest</source>
        <translation>Rol e interés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ratings and suggested strategy</source>
        <translation>Valoraciones y estrategia sugerida</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Engagement</source>
        <translation>Relacionamiento</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Add actor</source>
        <translation>Agregar actor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove actor</source>
        <translation>Quitar actor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an actor in the list or on the grid, or add one with “Add actor”.</source>
        <translation>Seleccione un actor en la lista o en la cuadrícula, o agregue uno con “Agregar actor”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag an actor to another cell to change its interest and influence, or use the arrow keys.</source>
        <translation>Arrastre un actor a otra celda para cambiar su interés e influencia, o use las teclas de flecha.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Derived from interest and influence; drag the actor on the grid to re-rate it.</source>
        <translation>Se deriva del interés y la influencia; arrastre el actor en la cuadrícula para volver a valorarlo.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Rate interest and influence first.</source>
        <translation>Primero valore el interés y la influencia.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Move %1 on the grid</source>
        <translation>Mover %1 en la cuadrícula</translation>
    </message>
</context>
<context>
    <name>AnchorNames</name>
    <message>
        <location filename="../comments/anchors.py" line="+87"/>
        <source>The whole proposal</source>
        <translation>Toda la propuesta</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../controller.py" line="+178"/>
        <source>This file was made by an older version; it was updated and the original kept as %1.</source>
        <translation>Este archivo se creó con una versión anterior; se actualizó y el original se conservó como %1.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Open a proposal</source>
        <translation>Abrir una propuesta</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+8"/>
        <location line="+37"/>
        <location line="+23"/>
        <source>Proposals (*.pmx)</source>
        <translation>Propuestas (*.pmx)</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>Review a folder</source>
        <translation>Revisar una carpeta</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Open a proposal for review</source>
        <translation>Abrir una propuesta para revisión</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Save the example as</source>
        <translation>Guardar el ejemplo como</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Your latest comments could not be saved. %1 Save the proposal somewhere else?</source>
        <translation>Sus últimos comentarios no se pudieron guardar. %1 ¿Desea guardar la propuesta en otra ubicación?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your latest changes could not be saved. %1 Save the proposal somewhere else?</source>
        <translation>Sus últimos cambios no se pudieron guardar. %1 ¿Desea guardar la propuesta en otra ubicación?</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Not saved — retrying</source>
        <translation>Sin guardar — reintentando</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Your changes could not be saved; they are kept in memory and saving is retried. %1</source>
        <translation>Sus cambios no se pudieron guardar; se conservan en memoria y se volverá a intentar guardarlos. %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Review mode: comments are saved</source>
        <translation>Modo de revisión: los comentarios se guardan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Saved %n s ago</source>
        <translation>
            <numerusform>Guardado hace %n s</numerusform>
            <numerusform>Guardado hace %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AxisPanel</name>
    <message>
        <location filename="../pages/strategy_axes.py" line="+372"/>
        <source>Remove the estimated cost</source>
        <translation>Quitar el costo estimado</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Responsibility and cost</source>
        <translation>Responsabilidad y costo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alineación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick the causes of the problem tree that this axis tackles (direct ones or their sub-causes).</source>
        <translation>Marque las causas del árbol de problemas que aborda este eje (directas o sus causas indirectas).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>One item per line.</source>
        <translation>Un elemento por línea.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Responsibility and timing</source>
        <translation>Responsabilidad y plazos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optional. Filling in any field records a cost for this axis.</source>
        <translation>Opcional. Al completar cualquier campo se registra un costo para este eje.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the cost</source>
        <translation>Quitar el costo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link the axis to the international frameworks it contributes to. Use the search boxes to filter.</source>
        <translation>Vincule el eje con los marcos internacionales a los que contribuye. Use los cuadros de búsqueda para filtrar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No strategic axis yet. Use Add to create the first one (2 to 6 are expected).</source>
        <translation>Aún no hay ejes estratégicos. Use Agregar para crear el primero (se esperan de 2 a 6).</translation>
    </message>
</context>
<context>
    <name>AxisTableModel</name>
    <message>
        <location filename="../models/strategy_lists.py" line="+23"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>CatalogChecklist</name>
    <message>
        <location filename="../widgets/catalog.py" line="+58"/>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <location filename="../dashboard/model.py" line="+153"/>
        <location line="+45"/>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authors</source>
        <translation>Autores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>Institución</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completeness (G, P, S, A, I)</source>
        <translation>Completitud (G, P, E, A, I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors / warnings</source>
        <translation>Errores / advertencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments: open / resolved</source>
        <translation>Comentarios: abiertos / resueltos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last modified</source>
        <translation>Última modificación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last submitted</source>
        <translation>Última entrega</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Completeness of each matrix: general data, problem, strategy, actors, instruments</source>
        <translation>Completitud de cada matriz: datos generales, problema, estrategia, actores, instrumentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Findings of the completeness and consistency rules still open</source>
        <translation>Hallazgos de las reglas de completitud y coherencia aún pendientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review comment threads: open, and resolved</source>
        <translation>Hilos de comentarios de revisión: abiertos y resueltos</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Your working copy of this proposal holds review comments</source>
        <translation>Su copia de trabajo de esta propuesta tiene comentarios de revisión</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot be read: %1</source>
        <translation>No se puede leer: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 error(es), %2 advertencia(s)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 open, %2 resolved</source>
        <translation>%1 abiertos, %2 resueltos</translation>
    </message>
</context>
<context>
    <name>CommentMenu</name>
    <message>
        <location filename="../comments/menu.py" line="+72"/>
        <source>Comment…</source>
        <translation>Comentar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show comments (%1)</source>
        <translation>Ver comentarios (%1)</translation>
    </message>
</context>
<context>
    <name>CommentsImport</name>
    <message>
        <location filename="../comments_import.py" line="+116"/>
        <source>%1 was exported from another proposal. Import its comments into the proposal it was exported from.</source>
        <translation>%1 se exportó desde otra propuesta. Importe sus comentarios en la propuesta desde la que se exportó.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be read as a Word document (.docx). Check that you chose the right file.</source>
        <translation>No se pudo leer %1 como documento de Word (.docx). Compruebe que eligió el archivo correcto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was not exported by this version of Policy Matrix. Export the proposal again and comment on that copy.</source>
        <translation>%1 no fue exportado por esta versión de Policy Matrix. Exporte de nuevo la propuesta y comente esa copia.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+7"/>
        <source>Import comments from Word</source>
        <translation>Importar comentarios de Word</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../comments/panel.py" line="+164"/>
        <source>All comments</source>
        <translation>Todos los comentarios</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+67"/>
        <source>Open</source>
        <translation>Abiertos</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+67"/>
        <source>Resolved</source>
        <translation>Resueltos</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This step only</source>
        <translation>Solo este paso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all</source>
        <translation>Mostrar todos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply…</source>
        <translation>Responder…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Or right-click any field, table row or tree node and choose Comment…</source>
        <translation>O haga clic derecho en cualquier campo, fila de tabla o nodo del árbol y elija Comentar…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Comment on this field…</source>
        <translation>Comentar este campo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment on the proposal…</source>
        <translation>Comentar la propuesta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comment text</source>
        <translation>Texto del comentario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No comments to show.</source>
        <translation>No hay comentarios para mostrar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Facilitator</source>
        <translation>Facilitador/a</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+71"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Comments on: %1</source>
        <translation>Comentarios sobre: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>New comment on: %1</source>
        <translation>Nuevo comentario sobre: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add comment</source>
        <translation>Agregar comentario</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reply to %1</source>
        <translation>Responder a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send reply</source>
        <translation>Enviar respuesta</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Reopen</source>
        <translation>Reabrir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resolve</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Your comments could not be saved; they are kept and saving is retried. %1</source>
        <translation>Sus comentarios no se pudieron guardar; se conservan y se volverá a intentar guardarlos. %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The comments of this file could not be read (%1).</source>
        <translation>No se pudieron leer los comentarios de este archivo (%1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This proposal is open in another window: comments can be read but not added.</source>
        <translation>Esta propuesta está abierta en otra ventana: puede leer los comentarios, pero no agregarlos.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../snapshots/diff_view.py" line="+242"/>
        <source>Compare with the current proposal</source>
        <translation>Comparar con la propuesta actual</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes from the snapshot “%1” to the proposal as it is now.</source>
        <translation>Cambios desde la versión guardada “%1” hasta la propuesta tal como está ahora.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the order of some items changed since the snapshot “%1”.</source>
        <translation>Desde la versión guardada “%1” solo cambió el orden de algunos elementos.</translation>
    </message>
</context>
<context>
    <name>CrashReporter</name>
    <message>
        <location filename="../crash.py" line="+90"/>
        <source>(no log file could be written)</source>
        <translation>(no se pudo escribir ningún archivo de registro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Something went wrong in Policy Matrix; your work is saved, and the details are in %1.</source>
        <translation>Algo falló en Policy Matrix; su trabajo se guardó y los detalles están en %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong in Policy Matrix and your latest changes are not saved yet (saving is retried); the details are in %1.</source>
        <translation>Algo falló en Policy Matrix y sus últimos cambios aún no se han guardado (se sigue intentando); los detalles están en %1.</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../dashboard/view.py" line="+202"/>
        <location line="+2"/>
        <source>Review a folder</source>
        <translation>Revisar una carpeta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review a Moodle download</source>
        <translation>Revisar una descarga de Moodle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open Moodle download…</source>
        <translation>Abrir descarga de Moodle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback for Moodle…</source>
        <translation>Retroalimentación para Moodle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include subfolders</source>
        <translation>Incluir subcarpetas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter by file, title, author, institution, area…</source>
        <translation>Filtrar por archivo, título, autor, institución, área…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+190"/>
        <source>Open for review</source>
        <translation>Abrir para revisión</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Export table as CSV…</source>
        <translation>Exportar la tabla a CSV…</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Open Moodle download</source>
        <translation>Abrir descarga de Moodle</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Open a Moodle submissions download</source>
        <translation>Abrir una descarga de entregas de Moodle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the folder of proposals</source>
        <translation>Elija la carpeta de las propuestas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No folder chosen yet.</source>
        <translation>Aún no se eligió ninguna carpeta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading %1 of %2…</source>
        <translation>Leyendo %1 de %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 proposals, %2 shown</source>
        <translation>%1 propuestas, %2 mostradas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 participants, %2 shown</source>
        <translation>%1 participantes, %2 mostrados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be read</source>
        <translation>%1 no se pueden leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reviewed</source>
        <translation>%1 revisados</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Export %1 selected to Word…</source>
        <translation>Exportar %1 seleccionadas a Word…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export all to Word…</source>
        <translation>Exportar todas a Word…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Choose where to write the Word files</source>
        <translation>Elija dónde guardar los archivos de Word</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting to Word…</source>
        <translation>Exportando a Word…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <location line="+17"/>
        <source>Export to Word</source>
        <translation>Exportar a Word</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Exporting %1 (%2 of %3)…</source>
        <translation>Exportando %1 (%2 de %3)…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 Word file(s) written to %2.</source>
        <translation>Se guardaron %1 archivo(s) de Word en %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The export was cancelled.</source>
        <translation>Se canceló la exportación.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 file(s) could not be exported.</source>
        <translation>%1 archivo(s) no se pudieron exportar.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+6"/>
        <source>Export table as CSV</source>
        <translation>Exportar la tabla a CSV</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>Deleter</name>
    <message>
        <location filename="../deleting.py" line="+79"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>… and %n more</source>
        <translation>
            <numerusform>… y %n más</numerusform>
            <numerusform>… y %n más</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These links to it will be removed:</source>
        <translation>Se quitarán también estos vínculos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo (Ctrl+Z) brings everything back.</source>
        <translation>Con Deshacer (Ctrl+Z) se recupera todo.</translation>
    </message>
</context>
<context>
    <name>DiffTree</name>
    <message>
        <location filename="../snapshots/diff_view.py" line="-117"/>
        <source>Differences from the snapshot</source>
        <translation>Diferencias con la instantánea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the snapshot</source>
        <translation>En la versión guardada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>Ahora</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No differences: the snapshot and the current proposal are the same.</source>
        <translation>Sin diferencias: la versión guardada y la propuesta actual son iguales.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>General data</source>
        <translation>Datos generales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix 1 — Problem</source>
        <translation>Matriz 1 — Problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix 2 — Strategic axes</source>
        <translation>Matriz 2 — Ejes estratégicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix 3 — Actors</source>
        <translation>Matriz 3 — Actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matrix 4 — Instruments</source>
        <translation>Matriz 4 — Instrumentos</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n agregado</numerusform>
            <numerusform>%n agregados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n quitado</numerusform>
            <numerusform>%n quitados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n changed</source>
        <translation>
            <numerusform>%n modificado</numerusform>
            <numerusform>%n modificados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n moved</source>
        <translation>
            <numerusform>%n movido</numerusform>
            <numerusform>%n movidos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added</source>
        <translation>Agregado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed</source>
        <translation>Quitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed</source>
        <translation>Modificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moved</source>
        <translation>Movido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed and moved</source>
        <translation>Modificado y movido</translation>
    </message>
</context>
<context>
    <name>DocumentSession</name>
    <message>
        <location filename="../session.py" line="+87"/>
        <source>(System message: %1)</source>
        <translation>(Mensaje del sistema: %1)</translation>
    </message>
</context>
<context>
    <name>EditorView</name>
    <message numerus="yes">
        <location filename="../editor.py" line="+181"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errores</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready</source>
        <translation>listo</translation>
    </message>
</context>
<context>
    <name>EndTableModel</name>
    <message>
        <location filename="../models/strategy_lists.py" line="+22"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../pages/problem_evidence.py" line="+368"/>
        <location line="+1"/>
        <source>Pick a date</source>
        <translation>Elegir una fecha</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Illustrative: not a real statistic</source>
        <translation>Ilustrativo: no es una estadística real</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add datum</source>
        <translation>Agregar dato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove datum</source>
        <translation>Quitar dato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Mover hacia arriba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Mover hacia abajo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
</context>
<context>
    <name>EvidenceTableModel</name>
    <message>
        <location filename="../models/evidence.py" line="+108"/>
        <source>Illustrative value: for the exercise only, not a real statistic.</source>
        <translation>Valor ilustrativo: solo para el ejercicio, no es una estadística real.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <location filename="../dashboard/feedback_dialog.py" line="+42"/>
        <location line="+64"/>
        <location line="+31"/>
        <location line="+15"/>
        <source>Feedback for Moodle</source>
        <translation>Retroalimentación para Moodle</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Optional: the grading worksheet downloaded from Moodle</source>
        <translation>Opcional: la hoja de calificaciones descargada de Moodle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also put the review comments in the Word files, as Word comments</source>
        <translation>Incluir también los comentarios de revisión en los archivos de Word, como comentarios de Word</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Feedback zip:</source>
        <translation>ZIP de retroalimentación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grading worksheet:</source>
        <translation>Hoja de calificaciones:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the feedback</source>
        <translation>Escribir la retroalimentación</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Feedback zip</source>
        <translation>ZIP de retroalimentación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos ZIP (*.zip)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Grading worksheet</source>
        <translation>Hoja de calificaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Preparing the feedback…</source>
        <translation>Preparando la retroalimentación…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Preparing the feedback of %1 (%2 of %3)…</source>
        <translation>Preparando la retroalimentación de %1 (%2 de %3)…</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The feedback was cancelled; nothing was written.</source>
        <translation>Se canceló la retroalimentación; no se escribió nada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feedback for %1 participant(s) written to %2.</source>
        <translation>Retroalimentación de %1 participante(s) escrita en %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upload it in Moodle with &quot;Upload multiple feedback files in a zip&quot;.</source>
        <translation>Súbala en Moodle con «Subir múltiples archivos de retroalimentación en un ZIP».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The worksheet %1 has their feedback comments: &quot;Upload grading worksheet&quot;.</source>
        <translation>La hoja %1 tiene sus comentarios de retroalimentación: «Subir la hoja de calificaciones».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 could not be prepared (see the details).</source>
        <translation>%1 no se pudieron preparar (vea los detalles).</translation>
    </message>
</context>
<context>
    <name>FieldBinder</name>
    <message>
        <location filename="../binding.py" line="+180"/>
        <source>Type a four-digit year.</source>
        <translation>Escriba un año de cuatro dígitos.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type a figure, such as 1500 or 12,5.</source>
        <translation>Escriba una cifra, como 1500 o 12,5.</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%n open comment(s): right-click to see them</source>
        <translation>
            <numerusform>%n comentario abierto: haga clic derecho para verlo</numerusform>
            <numerusform>%n comentarios abiertos: haga clic derecho para verlos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <location filename="../pages/editor_pages.py" line="+61"/>
        <location filename="../pages/general.py" line="+235"/>
        <location line="+41"/>
        <source>General data</source>
        <translation>Datos generales</translation>
    </message>
    <message>
        <location filename="../pages/general.py" line="+2"/>
        <source>Identify the proposal: what it is about, where and when it applies, and who proposes it.</source>
        <translation>Identifique la propuesta: de qué trata, dónde y cuándo se aplica, y quién la propone.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proposal</source>
        <translation>La propuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approaches and data</source>
        <translation>Enfoques y datos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Content language</source>
        <translation>Idioma del contenido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen when the proposal was created; it cannot be changed here.</source>
        <translation>Se eligió al crear la propuesta; no se puede cambiar aquí.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>One name per line</source>
        <translation>Un nombre por línea</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <location filename="../widgets/guidance.py" line="+56"/>
        <source>Guidance</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Example</source>
        <translation>Ejemplo</translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../comments/identity.py" line="+24"/>
        <source>Sign your comments</source>
        <translation>Firme sus comentarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your name and role are shown with every comment you write, in the app and in Word.</source>
        <translation>Su nombre y su rol se muestran con cada comentario que escriba, en la aplicación y en Word.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Facilitator</source>
        <translation>Facilitador/a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location filename="../comments/import_preview.py" line="+55"/>
        <source>Import comments from Word</source>
        <translation>Importar comentarios de Word</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Lands on</source>
        <translation>Dónde queda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comments to import</source>
        <translation>Comentarios por importar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move the selected comments to</source>
        <translation>Mover los comentarios seleccionados a</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move selected comments here</source>
        <translation>Mover aquí los comentarios seleccionados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move to:</source>
        <translation>Mover a:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>(no author)</source>
        <translation>(sin autor)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Left out (longer than a comment can hold): %1: %2…</source>
        <translation>Omitido (más largo de lo que admite un comentario): %1: %2…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reply, with its thread</source>
        <translation>Respuesta, con su hilo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moved by you</source>
        <translation>Movido por usted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>General comments: could not be placed</source>
        <translation>Comentarios generales: no se pudo ubicar</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n comment(s) will be added.</source>
        <translation>
            <numerusform>Se agregará %n comentario.</numerusform>
            <numerusform>Se agregarán %n comentarios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n could not be placed: they go to the general comments unless you move them to an item.</source>
        <translation>
            <numerusform>%n no se pudo ubicar: va a los comentarios generales, salvo que lo mueva a un elemento.</numerusform>
            <numerusform>%n no se pudieron ubicar: van a los comentarios generales, salvo que los mueva a un elemento.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n thread(s) will be marked resolved.</source>
        <translation>
            <numerusform>%n hilo se marcará como resuelto.</numerusform>
            <numerusform>%n hilos se marcarán como resueltos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n were already in the proposal.</source>
        <translation>
            <numerusform>%n ya estaba en la propuesta.</numerusform>
            <numerusform>%n ya estaban en la propuesta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n cannot be imported.</source>
        <translation>
            <numerusform>%n no se puede importar.</numerusform>
            <numerusform>%n no se pueden importar.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is stored until you choose Import.</source>
        <translation>No se guarda nada hasta que elija Importar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(import time)</source>
        <translation>(hora de la importación)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No date: stored with the time of the import</source>
        <translation>Sin fecha: se guarda con la hora de la importación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date %1 cannot be right: stored with the time of the import</source>
        <translation>La fecha %1 no puede ser correcta: se guarda con la hora de la importación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No author</source>
        <translation>Sin autor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its item is no longer in the proposal</source>
        <translation>su elemento ya no está en la propuesta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its table row was changed after the export</source>
        <translation>su fila de la tabla cambió después de la exportación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the document lost the marks of its items</source>
        <translation>el documento perdió las marcas de sus elementos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it points at no item of this proposal</source>
        <translation>no señala ningún elemento de esta propuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not on the document&apos;s text</source>
        <translation>no está sobre el texto del documento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>General comments (the whole proposal)</source>
        <translation>Comentarios generales (toda la propuesta)</translation>
    </message>
</context>
<context>
    <name>IndicatorEditor</name>
    <message>
        <location filename="../pages/strategy_indicators.py" line="+269"/>
        <source>Add an indicator, or select one in the table to edit all its fields.</source>
        <translation>Agregue un indicador o seleccione uno en la tabla para editar todos sus campos.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not given yet</source>
        <translation>Aún sin indicar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definition</source>
        <translation>Definición</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>yyyy</source>
        <translation>aaaa</translation>
    </message>
</context>
<context>
    <name>IndicatorTableModel</name>
    <message>
        <location filename="../models/indicators.py" line="+55"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>InstrumentTableModel</name>
    <message>
        <location filename="../models/instruments.py" line="+48"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Axis</source>
        <translation>Eje</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>InstrumentsPage</name>
    <message>
        <location filename="../pages/instruments.py" line="+94"/>
        <source>What it is and where it belongs</source>
        <translation>Qué es y dónde se ubica</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Classification</source>
        <translation>Clasificación</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Who applies it, and to whom</source>
        <translation>Quién lo aplica y a quién</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resources and cost</source>
        <translation>Recursos y costo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Monitoring, risks and assessment</source>
        <translation>Seguimiento, riesgos y evaluación</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Add instrument</source>
        <translation>Agregar instrumento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove instrument</source>
        <translation>Quitar instrumento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Select an instrument in the list, or add one with “Add instrument”.</source>
        <translation>Seleccione un instrumento en la lista o agregue uno con “Agregar instrumento”.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choosing a type fills in the classification below; you can still change it.</source>
        <translation>Al elegir un tipo se completa la clasificación de abajo; aún puede cambiarla.</translation>
    </message>
</context>
<context>
    <name>LineOfActionTableModel</name>
    <message>
        <location filename="../models/strategy_lists.py" line="+43"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>ListDetailPage</name>
    <message>
        <location filename="../pages/list_detail.py" line="+323"/>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(no name yet)</source>
        <translation>(aún sin nombre)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select an item in the list, or add one.</source>
        <translation>Seleccione un elemento de la lista o agregue uno.</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../widgets/list_editor.py" line="+145"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <source>Add: %1</source>
        <translation>Agregar: %1</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the selected row up (Alt+Up)</source>
        <translation>Subir la fila seleccionada (Alt+Flecha arriba)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the selected row down (Alt+Down)</source>
        <translation>Bajar la fila seleccionada (Alt+Flecha abajo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the selected row (Ctrl+Delete)</source>
        <translation>Quitar la fila seleccionada (Ctrl+Supr)</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Remove: %1</source>
        <translation>Quitar: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Move: %1</source>
        <translation>Mover: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="+179"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the e&amp;xample</source>
        <translation>Abrir el e&amp;jemplo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New proposal…</source>
        <translation>&amp;Nueva propuesta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open for re&amp;view…</source>
        <translation>Abrir &amp;para revisión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save now</source>
        <translation>&amp;Guardar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;As…</source>
        <translation>Guardar c&amp;omo…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export to Word…</source>
        <translation>&amp;Exportar a Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark as submitted…</source>
        <translation>&amp;Marcar como entregada…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;napshots…</source>
        <translation>&amp;Versiones guardadas…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import comments from Word…</source>
        <translation>&amp;Importar comentarios de Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In Spanish</source>
        <translation>En español</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In English</source>
        <translation>En inglés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About Policy Matrix</source>
        <translation>&amp;Acerca de Policy Matrix</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo &amp;history</source>
        <translation>&amp;Historial de cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Guidance panel</source>
        <translation>Panel de &amp;orientación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guidance</source>
        <translation>Orientación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo history</source>
        <translation>Historial de cambios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Comments panel</source>
        <translation>Panel de &amp;comentarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a proposal to see its review comments.</source>
        <translation>Abra una propuesta para ver sus comentarios de revisión.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a proposal without changing its content, to comment on it (comments are saved in the file)</source>
        <translation>Abrir una propuesta sin modificar su contenido, para comentarla (los comentarios se guardan en el archivo)</translation>
    </message>
    <message>
        <location line="+130"/>
        <source> (read-only)</source>
        <translation> (solo lectura)</translation>
    </message>
</context>
<context>
    <name>MatrixListPanel</name>
    <message>
        <location filename="../widgets/matrix_list_panel.py" line="+250"/>
        <source>Filter the list…</source>
        <translation>Filtrar la lista…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter the list</source>
        <translation>Filtrar la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move up</source>
        <translation>Mover hacia arriba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Mover hacia abajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected item one place up (Alt+Up)</source>
        <translation>Subir un lugar el elemento seleccionado (Alt+Flecha arriba)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected item one place down (Alt+Down)</source>
        <translation>Bajar un lugar el elemento seleccionado (Alt+Flecha abajo)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../messages.py" line="+47"/>
        <source>%1 was not found. It may have been moved, renamed or deleted, or its drive disconnected.</source>
        <translation>No se encontró %1. Puede que se haya movido, cambiado de nombre o eliminado, o que su unidad esté desconectada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is a folder, not a proposal. Choose a .pmx file.</source>
        <translation>%1 es una carpeta, no una propuesta. Elija un archivo .pmx.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cannot be read. Check that you may open it and that its drive is connected, or ask for a new copy of the file.</source>
        <translation>No se puede leer %1. Compruebe que tiene permiso para abrirlo y que su unidad está conectada, o pida una nueva copia del archivo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The folder %2 does not exist (it may have been moved or its drive disconnected). Choose another folder.</source>
        <translation>La carpeta %2 no existe (puede que se haya movido o que su unidad esté desconectada). Elija otra carpeta.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%2 is a file, not a folder. Choose a folder.</source>
        <translation>%2 es un archivo, no una carpeta. Elija una carpeta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You may not save in the folder %2. Choose a folder of yours, such as Documents.</source>
        <translation>No tiene permiso para guardar en la carpeta %2. Elija una carpeta suya, como Documentos.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 was left untouched: the file %2 beside it was not made by Policy Matrix, and using it could damage %1 or another file. Move %2 out of the folder, then try again.</source>
        <translation>No se tocó %1: el archivo %2 que está junto a él no lo creó Policy Matrix, y usarlo podría dañar %1 u otro archivo. Saque %2 de la carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has other names (hard links), and changes saved under one name could be lost under another. Use File &gt; Save As to keep a copy you can edit.</source>
        <translation>%1 tiene otros nombres (enlaces duros), y los cambios guardados con un nombre podrían perderse con otro. Use Archivo &gt; Guardar como para guardar una copia que pueda editar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has a name too long for Policy Matrix to save it safely. Give it a shorter name.</source>
        <translation>%1 tiene un nombre demasiado largo para que Policy Matrix lo guarde con seguridad. Póngale un nombre más corto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a file but a pipe, a device or a socket. Choose a Policy Matrix file.</source>
        <translation>%1 no es un archivo sino una tubería, un dispositivo o un socket. Elija un archivo de Policy Matrix.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is larger than the files Policy Matrix opens (%2 MB at most).</source>
        <translation>%1 es más grande que los archivos que abre Policy Matrix (%2 MB como máximo).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 cannot be replaced: it is the proposal being written, a file Policy Matrix keeps beside a proposal, or not a file. Choose another name.</source>
        <translation>%1 no se puede reemplazar: es la propuesta que se está escribiendo, un archivo que Policy Matrix guarda junto a una propuesta, o no es un archivo. Elija otro nombre.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a database of another program, not a Policy Matrix proposal.</source>
        <translation>%1 es una base de datos de otro programa, no una propuesta de Policy Matrix.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a Policy Matrix proposal: it is empty or another kind of file. Check that you chose the right file.</source>
        <translation>%1 no es una propuesta de Policy Matrix: está vacío o es otro tipo de archivo. Compruebe que eligió el archivo correcto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is damaged and cannot be opened. Open an earlier copy (for example the one you sent by e-mail), or ask its author for the file again.</source>
        <translation>%1 está dañado y no se puede abrir. Abra una copia anterior (por ejemplo, la que envió por correo) o pida el archivo de nuevo a su autor.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 was made by a newer version of Policy Matrix. Install the latest version to open it.</source>
        <translation>%1 se creó con una versión más reciente de Policy Matrix. Instale la última versión para abrirlo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 was made by an old version of Policy Matrix that this version cannot convert.</source>
        <translation>%1 se creó con una versión antigua de Policy Matrix que esta versión no puede convertir.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 holds data that Policy Matrix never writes; it is not opened, to be safe.</source>
        <translation>%1 contiene datos que Policy Matrix nunca escribe; por seguridad, no se abre.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be updated from an older version of Policy Matrix; the file was left as it was.</source>
        <translation>No se pudo actualizar %1 desde una versión anterior de Policy Matrix; el archivo quedó como estaba.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 already exists. Choose another name.</source>
        <translation>%1 ya existe. Elija otro nombre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is open in another Policy Matrix window (%2). Close it there first.</source>
        <translation>%1 está abierto en otra ventana de Policy Matrix (%2). Ciérrelo allí primero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is open in another Policy Matrix window. Close it there first.</source>
        <translation>%1 está abierto en otra ventana de Policy Matrix. Ciérrelo allí primero.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is open read-only, so it cannot be changed. Use File &gt; Save As to make a copy you can edit.</source>
        <translation>%1 está abierto en modo de solo lectura y no se puede modificar. Use Archivo &gt; Guardar como para hacer una copia que pueda editar.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 cannot be read as a Moodle download: it is not a zip file, it is damaged, or it is built to exhaust the computer. Download it from Moodle again.</source>
        <translation>%1 no se puede leer como descarga de Moodle: no es un archivo ZIP, está dañado o está hecho para agotar el equipo. Descárguelo de Moodle otra vez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1, inside the download, is refused: its name, its kind or its size is unsafe, or it is damaged.</source>
        <translation>%1, dentro de la descarga, se rechaza: su nombre, su tipo o su tamaño no son seguros, o está dañado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a grading worksheet that can be filled in. Download it from Moodle again and do not save it from a spreadsheet first.</source>
        <translation>%1 no es una hoja de calificaciones que se pueda completar. Descárguela de Moodle otra vez y no la guarde antes desde una hoja de cálculo.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Policy Matrix cannot start: its installation is damaged (%1 is missing). Reinstall it.</source>
        <translation>Policy Matrix no puede iniciar: su instalación está dañada (falta %1). Reinstálela.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Policy Matrix cannot start: its installation is damaged (%1 is damaged). Reinstall it.</source>
        <translation>Policy Matrix no puede iniciar: su instalación está dañada (%1 está dañado). Reinstálela.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Opened read-only: the lock file %1 beside the proposal was not made by Policy Matrix, so this window does not write through it. Move %1 out of the folder, then open the proposal again.</source>
        <translation>Abierto en modo de solo lectura: el archivo de bloqueo %1 que está junto a la propuesta no lo creó Policy Matrix, así que esta ventana no escribe a través de él. Saque %1 de la carpeta y vuelva a abrir la propuesta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened read-only: this file has other names (hard links), and changes saved under one name could be lost under another. Use File &gt; Save As to keep a copy you can edit.</source>
        <translation>Abierto en modo de solo lectura: este archivo tiene otros nombres (enlaces duros), y los cambios guardados con un nombre podrían perderse con otro. Use Archivo &gt; Guardar como para guardar una copia que pueda editar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened read-only: the file&apos;s name is too long for the journal that keeps each save safe beside it, so no change could be saved. Use File &gt; Save As with a shorter name.</source>
        <translation>Abierto en modo de solo lectura: el nombre del archivo es demasiado largo para el diario que protege cada guardado junto a él, así que ningún cambio podría guardarse. Use Archivo &gt; Guardar como con un nombre más corto.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opened read-only: the file is write-protected. To edit it, use File &gt; Save As to make a copy, or remove the file&apos;s read-only mark and open it again.</source>
        <translation>Abierto en modo de solo lectura: el archivo está protegido contra escritura. Para editarlo, use Archivo &gt; Guardar como para hacer una copia, o quite la marca de solo lectura del archivo y vuelva a abrirlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Opened read-only: its folder is write-protected (a shared, network or CD folder, for example). To edit it, use File &gt; Save As to keep a copy in a folder of yours.</source>
        <translation>Abierto en modo de solo lectura: su carpeta está protegida contra escritura (por ejemplo, una carpeta compartida, de red o de un CD). Para editarlo, use Archivo &gt; Guardar como y guarde una copia en una carpeta suya.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opened read-only: Policy Matrix could not create its lock file beside the proposal (the disk may be full). Free some space and open it again, or use File &gt; Save As to keep a copy elsewhere.</source>
        <translation>Abierto en modo de solo lectura: Policy Matrix no pudo crear su archivo de bloqueo junto a la propuesta (puede que el disco esté lleno). Libere espacio y vuelva a abrirlo, o use Archivo &gt; Guardar como para guardar una copia en otro lugar.</translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 is already closed. Open it again.</source>
        <translation>%1 ya está cerrado. Vuelva a abrirlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 could not be written. Check that the disk is not full, that the drive is still connected and that you may write in its folder.</source>
        <translation>No se pudo escribir %1. Compruebe que el disco no está lleno, que la unidad sigue conectada y que tiene permiso para escribir en su carpeta.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a valid Policy Matrix interchange (JSON) file.</source>
        <translation>%1 no es un archivo de intercambio (JSON) de Policy Matrix válido.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+17"/>
        <source>%1 could not be read or written. Check the file and its folder, then try again.</source>
        <translation>No se pudo leer ni escribir %1. Revise el archivo y su carpeta, y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 could not be written. Check that the disk is not full and that you may write there.</source>
        <translation>No se pudo escribir %1. Compruebe que el disco no está lleno y que tiene permiso para escribir allí.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The file</source>
        <translation>El archivo</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Opened read-only: another Policy Matrix window (%1) is editing this file. Close the proposal in that window, then open it again here.</source>
        <translation>Abierto en modo de solo lectura: otra ventana de Policy Matrix (%1) está editando este archivo. Cierre la propuesta en esa ventana y vuelva a abrirla aquí.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Comments cannot be added until the other window closes it.</source>
        <translation>No se pueden agregar comentarios hasta que la otra ventana la cierre.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Review mode: the proposal cannot be changed here; your comments are saved in the file. To edit the proposal, open it with File &gt; Open.</source>
        <translation>Modo de revisión: aquí no se puede modificar la propuesta; sus comentarios se guardan en el archivo. Para editar la propuesta, ábrala con Archivo &gt; Abrir.</translation>
    </message>
</context>
<context>
    <name>NewProposalDialog</name>
    <message>
        <location filename="../dialogs.py" line="+82"/>
        <source>New proposal</source>
        <translation>Nueva propuesta</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>One name per line</source>
        <translation>Un nombre por línea</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Language of the content</source>
        <translation>Idioma del contenido</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+35"/>
        <source>Save as</source>
        <translation>Guardar como</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Choose where to save</source>
        <translation>Elegir dónde guardar</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Policy Matrix proposals (*.pmx)</source>
        <translation>Propuestas de Policy Matrix (*.pmx)</translation>
    </message>
</context>
<context>
    <name>NodeForm</name>
    <message>
        <location filename="../pages/problem_node_form.py" line="+153"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Select a cause in the tree, or add one with Insert.</source>
        <translation>Seleccione una causa en el árbol o agregue una con Insert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select an effect in the tree, or add one with Insert.</source>
        <translation>Seleccione un efecto en el árbol o agregue uno con Insert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — explains %2</source>
        <translation>%1 — explica %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — derives from %2</source>
        <translation>%1 — deriva de %2</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <location filename="../pages/editor_pages.py" line="+1"/>
        <location filename="../pages/problem.py" line="+111"/>
        <location line="+35"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../pages/problem.py" line="+3"/>
        <source>State the central problem, back it with evidence, and build the tree: causes below, effects above.</source>
        <translation>Enuncie el problema central, respáldelo con evidencia y construya el árbol: causas abajo, efectos arriba.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Problem tree</source>
        <translation>Árbol de problemas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redrawn as you type, as it will appear in the Word file. Click a box.</source>
        <translation>Se redibuja mientras escribe, tal como aparecerá en el archivo de Word. Haga clic en un recuadro.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Evidence</source>
        <translation>Evidencia</translation>
    </message>
</context>
<context>
    <name>ProblemTreeModel</name>
    <message>
        <location filename="../models/problem_tree.py" line="+167"/>
        <source>(no description)</source>
        <translation>(sin descripción)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
</context>
<context>
    <name>RelationTableModel</name>
    <message>
        <location filename="../models/actors.py" line="+63"/>
        <source>Actor</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
</context>
<context>
    <name>RelationsEditor</name>
    <message>
        <location filename="../pages/actors_relations.py" line="+145"/>
        <location line="+11"/>
        <source>Add relation</source>
        <translation>Agregar relación</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+23"/>
        <source>Remove relation</source>
        <translation>Quitar relación</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../pages/review.py" line="+175"/>
        <source>Review and export</source>
        <translation>Revisión y exportación</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Completeness</source>
        <translation>Completitud</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finding</source>
        <translation>Hallazgo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Ubicación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Findings still open</source>
        <translation>Observaciones pendientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <location line="+31"/>
        <source>Export to Word</source>
        <translation>Exportar a Word</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Language of headings</source>
        <translation>Idioma de los títulos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include review comments</source>
        <translation>Incluir los comentarios de revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Word…</source>
        <translation>Exportar a Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show in folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>General data</source>
        <translation>Datos generales</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 Problem</source>
        <translation>1 Problema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>2 Strategic axes</source>
        <translation>2 Ejes estratégicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3 Actors</source>
        <translation>3 Actores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>4 Instruments</source>
        <translation>4 Instrumentos</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n error(s) must be fixed before submitting.</source>
        <translation>
            <numerusform>Debe corregir %n error antes de entregar la propuesta.</numerusform>
            <numerusform>Debe corregir %n errores antes de entregar la propuesta.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <location line="+4"/>
        <source>%n warning(s).</source>
        <translation>
            <numerusform>%n advertencia.</numerusform>
            <numerusform>%n advertencias.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready for review: no errors remain.</source>
        <translation>Lista para revisión: no quedan errores.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The export failed: %1</source>
        <translation>La exportación falló: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported to %1</source>
        <translation>Exportado a %1</translation>
    </message>
</context>
<context>
    <name>RowMarks</name>
    <message numerus="yes">
        <location filename="../comments/marks.py" line="+39"/>
        <source>%n open comment(s): right-click to see them</source>
        <translation>
            <numerusform>%n comentario abierto: haga clic derecho para verlo</numerusform>
            <numerusform>%n comentarios abiertos: haga clic derecho para verlos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SnapshotViewer</name>
    <message>
        <location filename="../snapshots/viewer.py" line="+62"/>
        <source>Snapshot: %1</source>
        <translation>Versión guardada: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You are looking at the snapshot “%1”. It cannot be changed here.</source>
        <translation>Está viendo la versión guardada “%1”. Aquí no se puede modificar.</translation>
    </message>
</context>
<context>
    <name>Snapshots</name>
    <message>
        <location filename="../snapshots/diff_view.py" line="-127"/>
        <source>Content language</source>
        <translation>Idioma del contenido</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../snapshots/actions.py" line="+61"/>
        <location filename="../snapshots/dialog.py" line="+340"/>
        <location line="+22"/>
        <source>Mark as submitted</source>
        <translation>Marcar como entregada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submitted %1</source>
        <translation>Entregada %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Before restore %1</source>
        <translation>Antes de restaurar %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore “%1”</source>
        <translation>Restaurar “%1”</translation>
    </message>
    <message>
        <location filename="../snapshots/dialog.py" line="-21"/>
        <source>Mark the proposal as submitted? Its status becomes “In review” and a snapshot keeps this version.</source>
        <translation>¿Marcar la propuesta como entregada? Su estado pasa a “En revisión” y se guarda una copia de esta versión.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The action failed: %1</source>
        <translation>La acción falló: %1</translation>
    </message>
</context>
<context>
    <name>SnapshotsDialog</name>
    <message>
        <location line="-278"/>
        <location line="+20"/>
        <source>Snapshots</source>
        <translation>Versiones guardadas</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>A snapshot is a copy of the whole proposal at one moment. One is kept when you mark the proposal as submitted and before a restore; you can take one at any time.</source>
        <translation>Una versión guardada es una copia de toda la propuesta en un momento dado. Se guarda una al marcar la propuesta como entregada y antes de una restauración; puede guardar una en cualquier momento.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>New snapshot…</source>
        <translation>Guardar versión…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark as submitted…</source>
        <translation>Marcar como entregada…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>View</source>
        <translation>Ver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare with now</source>
        <translation>Comparar con la actual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Word…</source>
        <translation>Exportar a Word…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This proposal is open read-only.</source>
        <translation>Esta propuesta está abierta en modo de solo lectura.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Taken on request</source>
        <translation>Guardada a pedido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Entregada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before a restore</source>
        <translation>Antes de una restauración</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before the file was updated to a newer format</source>
        <translation>Antes de actualizar el archivo a un formato más reciente</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>This proposal has no snapshots yet.</source>
        <translation>Esta propuesta aún no tiene versiones guardadas.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The action failed: %1</source>
        <translation>La acción falló: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New snapshot</source>
        <translation>Guardar versión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the snapshot:</source>
        <translation>Nombre de la versión:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Snapshot “%1” taken.</source>
        <translation>Se guardó la versión “%1”.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Marked as submitted; the snapshot “%1” keeps this version.</source>
        <translation>Marcada como entregada; esta versión se conserva como “%1”.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Export the snapshot to Word</source>
        <translation>Exportar la versión guardada a Word</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word documents (*.docx)</source>
        <translation>Documentos de Word (*.docx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported to %1.</source>
        <translation>Exportado a %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restore a snapshot</source>
        <translation>Restaurar una versión guardada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the proposal with the snapshot “%1”? The current version is first kept as a snapshot, and Edit ▸ Undo brings it back.</source>
        <translation>¿Reemplazar la propuesta por la versión guardada “%1”? Antes se guarda la versión actual, y Edición ▸ Deshacer la recupera.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Restored “%1”. The previous version is kept as “%2”.</source>
        <translation>Se restauró “%1”. La versión anterior se conserva como “%2”.</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <location filename="../start_screen.py" line="+103"/>
        <source>Policy Matrix</source>
        <translation>Policy Matrix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft your public policy proposal step by step through the four matrices of the course: problem, strategic axes, actors and instruments. Your work is saved as you type.</source>
        <translation>Elabore su propuesta de política pública paso a paso con las cuatro matrices del curso: problema, ejes estratégicos, actores e instrumentos. Su trabajo se guarda mientras escribe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New proposal…</source>
        <translation>Nueva propuesta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a proposal…</source>
        <translation>Abrir una propuesta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the example (Spanish)</source>
        <translation>Abrir el ejemplo (español)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the example (English)</source>
        <translation>Abrir el ejemplo (inglés)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review a folder…</source>
        <translation>Revisar una carpeta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For facilitators: see every proposal of a folder at a glance, and export them to Word</source>
        <translation>Para facilitadores: vea de un vistazo todas las propuestas de una carpeta y expórtelas a Word</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>Recent proposals</source>
        <translation>Propuestas recientes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No recent proposals yet.</source>
        <translation>Aún no hay propuestas recientes.</translation>
    </message>
</context>
<context>
    <name>StepList</name>
    <message>
        <location filename="../widgets/steps.py" line="+20"/>
        <location line="+19"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
</context>
<context>
    <name>StrategyPage</name>
    <message>
        <location filename="../pages/strategy.py" line="+221"/>
        <source>Addressed by an axis</source>
        <translation>Abordadas por un eje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excluded with a justification below</source>
        <translation>Excluidas con una justificación abajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neither addressed nor excluded</source>
        <translation>Ni abordadas ni excluidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Objective and ends</source>
        <translation>Objetivo y fines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turn the central problem into the general objective, and each effect of the problem tree into an end.</source>
        <translation>Convierta el problema central en el objetivo general y cada efecto del árbol de problemas en un fin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pick the effect each end reverses, then word the end as a positive situation.</source>
        <translation>Elija el efecto que revierte cada fin y luego redacte el fin como una situación positiva.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every direct cause must be addressed by an axis (itself or one of its sub-causes) or excluded here with a justification.</source>
        <translation>Cada causa directa debe ser abordada por un eje (ella misma o alguna de sus causas indirectas) o excluirse aquí con una justificación.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Direct causes</source>
        <translation>Causas directas</translation>
    </message>
</context>
<context>
    <name>TreeEditor</name>
    <message>
        <location filename="../pages/problem_tree_panel.py" line="+283"/>
        <source>Add cause</source>
        <translation>Agregar causa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add effect</source>
        <translation>Agregar efecto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add sub-cause</source>
        <translation>Agregar causa indirecta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add sub-effect</source>
        <translation>Agregar efecto indirecto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Indent: hang from the previous sibling</source>
        <translation>Aumentar sangría: colgar del elemento anterior del mismo nivel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Indent</source>
        <translation>Aumentar sangría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outdent: move up one level</source>
        <translation>Reducir sangría: subir un nivel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outdent</source>
        <translation>Reducir sangría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>Mover hacia arriba</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>Mover hacia abajo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete cause</source>
        <translation>Eliminar causa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete effect</source>
        <translation>Eliminar efecto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>Delete cause %1 and its %n sub-cause(s)?</source>
        <translation>
            <numerusform>¿Eliminar la causa %1 y su %n causa indirecta?</numerusform>
            <numerusform>¿Eliminar la causa %1 y sus %n causas indirectas?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Delete effect %1 and its %n sub-effect(s)?</source>
        <translation>
            <numerusform>¿Eliminar el efecto %1 y su %n efecto indirecto?</numerusform>
            <numerusform>¿Eliminar el efecto %1 y sus %n efectos indirectos?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_ImportCounts</name>
    <message numerus="yes">
        <location filename="../comments_import.py" line="-54"/>
        <source>%n comment(s) imported.</source>
        <translation>
            <numerusform>Se importó %n comentario.</numerusform>
            <numerusform>Se importaron %n comentarios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n could not be placed and went to the general comments.</source>
        <translation>
            <numerusform>%n no se pudo ubicar y quedó en los comentarios generales.</numerusform>
            <numerusform>%n no se pudieron ubicar y quedaron en los comentarios generales.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n thread(s) marked resolved.</source>
        <translation>
            <numerusform>%n hilo marcado como resuelto.</numerusform>
            <numerusform>%n hilos marcados como resueltos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n were already in the proposal.</source>
        <translation>
            <numerusform>%n ya estaba en la propuesta.</numerusform>
            <numerusform>%n ya estaban en la propuesta.</numerusform>
        </translation>
    </message>
</context>
</TS>
