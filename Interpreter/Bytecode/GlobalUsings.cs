// Lbbv.Syntax.Attribute (the AST node) wins over System.Attribute in this project.
global using Attribute = Lbbv.Syntax.Attribute;
