# The rule that compiles the built-in grids (the French one and its English twin) and the
# schemas into a C++ file (see embed.cmake), for the main build and the stand-alone fuzz build
# alike: one list of built-in files, so that the fuzzers load the same defaults as the binary.
#   ess_embed_rule(<out_var> <root>)
# <root> is the repository root; <out_var> receives the generated file, to add to a target.
function(ess_embed_rule out_var root)
  set(embedded
    criteria/ess-citoyennete-economique.yaml
    criteria/ess-economic-citizenship.yaml
    schemas/grid.schema.json
    schemas/dossier.schema.json
    schemas/call.schema.json)
  set(script ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed.cmake)
  set(output ${CMAKE_BINARY_DIR}/generated/embedded_files.cpp)
  set(inputs)
  foreach(f IN LISTS embedded)
    list(APPEND inputs ${root}/${f})
  endforeach()
  # embed.cmake takes the list as one -D value: ';' would split the command line.
  string(REPLACE ";" "|" files "${embedded}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUT=${output} -DROOT=${root} "-DFILES=${files}" -P ${script}
    DEPENDS ${inputs} ${script}
    COMMENT "Embedding built-in grids and schemas"
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
