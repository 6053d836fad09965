"""Qt Linguist files of the interface: policy_matrix_{es,en}.ts and the committed .qm files built from them."""
